using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Pages;

namespace SharingHub.Workspace;

/// <summary>The workspace's front page: what the signed-in person's roles let them do.</summary>
public static class WorkspacePageEndpoints
{
    public static IResult Home(HttpRequest request)
    {
        var caller = Caller.Of(request);
        caller.Demand(true, string.Empty);
        return Page.Render<WorkspaceHomePage>(new WorkspaceHomeView(WorkspacePage.Frame(request, Page.Text(request).Workspace.Common.Title)));
    }
}

public sealed record WorkspaceHomeView(WorkspaceFrame Frame);
