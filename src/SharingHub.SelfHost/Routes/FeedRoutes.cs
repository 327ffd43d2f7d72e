using SharingHub.Feeds;
using SharingHub.Moderation;

namespace SharingHub.SelfHost.Routes;

internal static class FeedRoutes
{
    public static void MapFeedsAndModeration(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/networks/{id}/sources");
        sources.MapGet("/", FeedEndpoints.List);
        sources.MapPost("/", FeedEndpoints.Create);
        sources.MapGet("/{sid}", FeedEndpoints.Get);
        sources.MapPut("/{sid}", FeedEndpoints.Update);
        sources.MapDelete("/{sid}", FeedEndpoints.Delete);
        sources.MapPost("/{sid}/poll", FeedEndpoints.PollNow);
        sources.MapGet("/{sid}/polls", FeedEndpoints.Polls);

        var moderation = api.MapGroup("/moderation");
        moderation.MapGet("/", ModerationEndpoints.Queue);
        moderation.MapPost("/{id}/approve", ModerationEndpoints.Approve);
        moderation.MapPost("/{id}/reject", ModerationEndpoints.Reject);
    }
}
