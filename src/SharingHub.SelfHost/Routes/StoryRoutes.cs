using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.SelfHost.Routes;

internal static class StoryRoutes
{
    public static void MapStories(this RouteGroupBuilder api)
    {
        var stories = api.MapGroup("/stories");
        stories.MapGet("/", StoryEndpoints.List);
        stories.MapPost("/", StoryEndpoints.Create);
        stories.MapPost("/import", StoryEndpoints.Import).WithBodyLimit(StoryImporter.MaxBytes);
        stories.MapGet("/{id}", StoryEndpoints.Get);
        stories.MapPut("/{id}", StoryEndpoints.Update);
        stories.MapPost("/{id}/submit", StoryEndpoints.Submit);
        stories.MapPost("/{id}/publish", StoryEndpoints.Publish);
        stories.MapPost("/{id}/reject", StoryEndpoints.Reject);
        stories.MapPost("/{id}/withdraw", StoryEndpoints.Withdraw);
    }
}
