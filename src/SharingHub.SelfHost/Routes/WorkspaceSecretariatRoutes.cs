using SharingHub.Workspace.Secretariat;

namespace SharingHub.SelfHost.Routes;

/// <summary>The secretariat's workspace pages: stories, the story form, import, moderation, feed sources. Closed to the public.</summary>
internal static class WorkspaceSecretariatRoutes
{
    public static void MapWorkspaceSecretariat(this IEndpointRouteBuilder app)
    {
        app.MapGet(WorkspaceLinks.Stories, StoryWorkspaceEndpoints.List);
        app.MapGet(WorkspaceLinks.NewStory, StoryWorkspaceEndpoints.New);
        app.MapPost(WorkspaceLinks.NewStory, StoryWorkspaceEndpoints.Create);
        app.MapGet(WorkspaceLinks.Stories + "/{id}", StoryWorkspaceEndpoints.Edit);
        app.MapPost(WorkspaceLinks.Stories + "/{id}", StoryWorkspaceEndpoints.Update);
    }
}
