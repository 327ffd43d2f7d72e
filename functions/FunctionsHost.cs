using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SharingHub.Common.Http;
using SharingHub.Hosting;
using SharingHub.Storage;

namespace SharingHub.Functions;

/// <summary>
/// The Functions app's host as <c>Program.cs</c> runs it, in one place the tests can build (without starting it) to
/// check that every function and middleware resolves from it.
/// </summary>
public static class FunctionsHost
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
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
        // The queue triggers name their queues (DigestFunctions); with a prefix the hub would write queues no trigger reads.
        builder.Services.AddOptions<StorageOptions>().Validate(
            o => o.Prefix.Length == 0,
            "Storage:Prefix must be empty in the Functions app: its queue triggers read the queues by their plain names.");
        return builder;
    }
}
