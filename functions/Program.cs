using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SharingHub.Common.Http;
using SharingHub.Functions;
using SharingHub.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.UseWhen<HttpProblemMiddleware>(HttpProblemMiddleware.IsHttp);
builder.UseWhen<AccessMiddleware>(HttpProblemMiddleware.IsHttp); // inside the problem mapper, so 401/403/429 become ProblemDetails

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
builder.Services.AddSharingHubCore(builder.Configuration);

await builder.Build().RunAsync();
