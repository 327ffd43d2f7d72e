using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Feeds;
using SharingHub.Moderation;
using SharingHub.Networks;
using SharingHub.Stories;
using SharingHub.Stories.Import;
using SharingHub.Workspace.Secretariat;

namespace SharingHub.Functions;

/// <summary>The secretariat's workspace pages. Not public: the access middleware demands a signed-in caller.</summary>
public sealed class WorkspaceSecretariatFunctions(
    StoryService stories, NetworkService networks, ModerationService moderation, StoryImporter importer, FeedSourceService sources, FeedPoller poller)
{
    [Function(nameof(WorkspaceStories))]
    public Task<IResult> WorkspaceStories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/historier")] HttpRequest request, CancellationToken ct) =>
        StoryWorkspaceEndpoints.List(request, stories, networks, ct);

    [Function(nameof(WorkspaceNewStory))]
    public Task<IResult> WorkspaceNewStory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/historier/ny")] HttpRequest request, CancellationToken ct) =>
        StoryWorkspaceEndpoints.New(request, networks, ct);

    [Function(nameof(WorkspaceCreateStory))]
    public Task<IResult> WorkspaceCreateStory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/historier/ny")] HttpRequest request, CancellationToken ct) =>
        StoryWorkspaceEndpoints.Create(request, stories, networks, ct);

    [Function(nameof(WorkspaceEditStory))]
    public Task<IResult> WorkspaceEditStory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/historier/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        StoryWorkspaceEndpoints.Edit(request, id, stories, networks, ct);

    [Function(nameof(WorkspaceUpdateStory))]
    public Task<IResult> WorkspaceUpdateStory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/historier/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        StoryWorkspaceEndpoints.Update(request, id, stories, moderation, networks, ct);

    [Function(nameof(WorkspaceImport))]
    public Task<IResult> WorkspaceImport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/import")] HttpRequest request, CancellationToken ct) =>
        ImportWorkspaceEndpoints.Show(request, networks, ct);

    [Function(nameof(WorkspaceImportFile))]
    public Task<IResult> WorkspaceImportFile([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/import")] HttpRequest request, CancellationToken ct) =>
        ImportWorkspaceEndpoints.Import(request, importer, networks, ct);

    [Function(nameof(WorkspaceModeration))]
    public Task<IResult> WorkspaceModeration([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/moderering")] HttpRequest request, CancellationToken ct) =>
        ModerationWorkspaceEndpoints.Queue(request, moderation, networks, ct);

    [Function(nameof(WorkspaceModerate))]
    public Task<IResult> WorkspaceModerate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/moderering/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        ModerationWorkspaceEndpoints.Decide(request, id, moderation, stories, networks, ct);

    [Function(nameof(WorkspaceSources))]
    public Task<IResult> WorkspaceSources([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/kilder")] HttpRequest request, CancellationToken ct) =>
        SourcesWorkspaceEndpoints.List(request, sources, networks, ct);

    [Function(nameof(WorkspaceAddSource))]
    public Task<IResult> WorkspaceAddSource([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/kilder")] HttpRequest request, CancellationToken ct) =>
        SourcesWorkspaceEndpoints.Add(request, sources, networks, ct);

    [Function(nameof(WorkspaceSourceAction))]
    public Task<IResult> WorkspaceSourceAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/kilder/{sid}")] HttpRequest request, string sid, CancellationToken ct) =>
        SourcesWorkspaceEndpoints.Act(request, sid, sources, poller, networks, ct);
}
