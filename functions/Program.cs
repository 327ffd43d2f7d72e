using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SharingHub.Common.Http;
using SharingHub.Functions;
using SharingHub.Hosting;

// The Azure Functions host for the same core the self-host runs: one Functions class per feature, each method a
// one-line call into the core. Settings: functions/local.settings.example.json; deployment: docs/deploy.md.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.UseWhen<HttpResultMiddleware>(HttpResultMiddleware.IsHttp);
// Inside the result middleware, so 401/403/429 become the same ProblemDetails as everywhere else.
builder.UseWhen<AccessMiddleware>(HttpResultMiddleware.IsHttp);

// The worker's own telemetry (logs, exceptions, Storage and Graph calls) is small, so it is not sampled: errors are
// never dropped. The host's requests and dependencies are sampled per host.json, with Request and Exception excluded.
// APPLICATIONINSIGHTS_AUTHENTICATION_STRING (ClientId=...;Authorization=AAD) makes both send with the managed identity.
builder.Services
    .AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false)
    .ConfigureFunctionsApplicationInsights();
// The Application Insights provider otherwise adds a rule that keeps only warnings and above from the worker.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

builder.Services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
builder.Services.AddSharingHubCore(builder.Configuration);

await builder.Build().RunAsync();
