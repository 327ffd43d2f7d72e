using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Workspace;

namespace SharingHub.Functions;

/// <summary>The workspace's front page. Not public: the access middleware demands a signed-in caller.</summary>
public sealed class WorkspaceFunctions
{
    [Function(nameof(WorkspaceHome))]
    public IResult WorkspaceHome([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid")] HttpRequest request) =>
        WorkspacePageEndpoints.Home(request);
}
