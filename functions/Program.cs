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

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
builder.Services.AddSharingHubCore(builder.Configuration);

await builder.Build().RunAsync();
