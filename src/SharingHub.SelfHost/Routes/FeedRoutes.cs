using SharingHub.Feeds;
using SharingHub.Moderation;
using SharingHub.Stories;

namespace SharingHub.SelfHost.Routes;

internal static class FeedRoutes
{
    public static void MapFeedsAndModeration(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/networks/{id}/sources").WithTags("Feeds");
        sources.MapGet("/", FeedEndpoints.List).Reads<IReadOnlyList<FeedSource>>("A network's news feeds");
        sources.MapPost("/", FeedEndpoints.Create).Takes<FeedSourceDraft, FeedSource>("Add a news feed", StatusCodes.Status201Created);
        sources.MapGet("/{sid}", FeedEndpoints.Get).Reads<FeedSource>("A news feed (ETag)");
        sources.MapPut("/{sid}", FeedEndpoints.Update).Takes<FeedSourceDraft, FeedSource>("Change a news feed").IfMatch();
        sources.MapDelete("/{sid}", FeedEndpoints.Delete).WithSummary("Remove a news feed").Produces(StatusCodes.Status204NoContent).IfMatch();
        sources.MapPost("/{sid}/poll", FeedEndpoints.PollNow).Does<FeedPoll>("Read the feed now");
        sources.MapGet("/{sid}/polls", FeedEndpoints.Polls).Reads<IReadOnlyList<FeedPoll>>("The feed's latest reads");

        var moderation = api.MapGroup("/moderation").WithTags("Moderation");
        moderation.MapGet("/", ModerationEndpoints.Queue).Reads<IReadOnlyList<Story>>("A network's stories waiting for moderation");
        moderation.MapPost("/{id}/approve", ModerationEndpoints.Approve)
            .Takes<ApproveRequest, Story>("Publish a submitted story, optionally with edits", optional: true).IfMatch();
        moderation.MapPost("/{id}/reject", ModerationEndpoints.Reject).Takes<ModerationRejectRequest, Story>("Reject a submitted story").IfMatch();
    }
}
