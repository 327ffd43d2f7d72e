using SharingHub.Workspace;

namespace SharingHub.SelfHost.Routes;

/// <summary>The workspace's pages under /arbeid: closed to the public (the access gate demands a signed-in caller).</summary>
internal static class WorkspaceRoutes
{
    public static void MapWorkspace(this IEndpointRouteBuilder app)
    {
        app.MapGet(WorkspaceNav.Home, WorkspacePageEndpoints.Home);
    }
}
