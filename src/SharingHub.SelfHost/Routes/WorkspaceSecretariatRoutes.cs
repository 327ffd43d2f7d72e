using SharingHub.Stories.Import;
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
        app.MapGet(WorkspaceLinks.Import, ImportWorkspaceEndpoints.Show);
        app.MapPost(WorkspaceLinks.Import, ImportWorkspaceEndpoints.Import).WithBodyLimit(StoryImporter.MaxBytes + 64 * 1024);
        app.MapGet(WorkspaceLinks.Moderation, ModerationWorkspaceEndpoints.Queue);
        app.MapPost(WorkspaceLinks.Moderation + "/{id}", ModerationWorkspaceEndpoints.Decide);
        app.MapGet(WorkspaceLinks.Sources, SourcesWorkspaceEndpoints.List);
        app.MapPost(WorkspaceLinks.Sources, SourcesWorkspaceEndpoints.Add);
        app.MapPost(WorkspaceLinks.Sources + "/{sid}", SourcesWorkspaceEndpoints.Act);
    }
}
