using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.SelfHost.Routes;

internal static class StoryRoutes
{
    public static void MapStories(this RouteGroupBuilder api)
    {
        var stories = api.MapGroup("/stories").WithTags("Stories");
        stories.MapGet("/", StoryEndpoints.List).Reads<StoryPage>("Stories matching the filters, a page at a time");
        stories.MapPost("/", StoryEndpoints.Create).Takes<StoryDraft, Story>("Create a draft story (Idempotency-Key honoured)", StatusCodes.Status201Created);
        stories.MapPost("/import", StoryEndpoints.Import).WithBodyLimit(StoryImporter.MaxBytes).WithSummary("Import stories from CSV or NDJSON")
            .Body<string>(optional: false, "text/csv", "application/x-ndjson", "application/ndjson").Produces<ImportReport>();
        stories.MapGet("/{id}", StoryEndpoints.Get).Reads<Story>("A story (ETag)");
        stories.MapPut("/{id}", StoryEndpoints.Update).Takes<StoryDraft, Story>("Replace a story's content").IfMatch(required: true);
        stories.MapPost("/{id}/submit", StoryEndpoints.Submit).Does<Story>("Submit a draft for moderation").IfMatch();
        stories.MapPost("/{id}/publish", StoryEndpoints.Publish).Does<Story>("Publish a story").IfMatch();
        stories.MapPost("/{id}/reject", StoryEndpoints.Reject).Takes<RejectRequest, Story>("Reject a submitted story").IfMatch();
        stories.MapPost("/{id}/withdraw", StoryEndpoints.Withdraw).Does<Story>("Withdraw a published story").IfMatch();
    }
}
