using SharingHub.Common.Http;
using SharingHub.Digests;
using SharingHub.Hosting;
using SharingHub.Search;
using SharingHub.SelfHost;
using SharingHub.SelfHost.Demo;
using SharingHub.SelfHost.Routes;

// `--demo` is a flag, not a key=value setting: take it out before the command-line configuration reads the arguments,
// or it would swallow the next one (`--demo --urls …`).
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
// The build runs this host to write the API description (ApiDocsRoutes); that needs no storage.
await using var azurite = ApiDocsRoutes.IsBuildTimeGeneration ? null : await LocalStorage.StartIfUnconfiguredAsync(builder, CancellationToken.None);

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = AccessPipeline.MaxBodyBytes);
builder.Services.AddSharingHubCore(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<HubExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
builder.Services.AddHubOpenApi();
builder.Services.AddDemoData(builder.Configuration, demo);
builder.Services.AddWebinarCleanupSchedule();
builder.Services.AddWebinarAssetChecks();
builder.Services.AddDigestWorkers(builder.Configuration.GetValue("Digests:RunWorkers", true));
builder.Services.AddSearchIndexer();
builder.Services.AddAzuriteCors(builder.Configuration.GetValue("Storage:EmulatorCors", true));

if (ApiDocsRoutes.IsBuildTimeGeneration)
{
    builder.PrepareForBuildTimeGeneration();
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHubAccess();

var api = app.MapGroup("/api").WithBodyLimit(RequestBody.DefaultMaxBytes).WithProblemResponses();
api.MapApiDocs();
api.MapReference();
api.MapNetworks();
api.MapStories();
api.MapAccess();
api.MapFeedsAndModeration();
api.MapWebinars();
api.MapDigests();
api.MapSearch();
api.MapMembers();
app.MapPages();
app.MapWorkspace();
app.MapWorkspaceOrganiser();
app.MapWorkspaceSubscriber();
app.MapWorkspaceSecretariat();
app.MapSignIn();
app.MapAdminPages();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
