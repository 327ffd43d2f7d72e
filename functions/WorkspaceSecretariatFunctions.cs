using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Moderation;
using SharingHub.Networks;
using SharingHub.Stories;
using SharingHub.Workspace.Secretariat;

namespace SharingHub.Functions;

/// <summary>The secretariat's workspace pages. Not public: the access middleware demands a signed-in caller.</summary>
public sealed class WorkspaceSecretariatFunctions(StoryService stories, NetworkService networks, ModerationService moderation)
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
}
