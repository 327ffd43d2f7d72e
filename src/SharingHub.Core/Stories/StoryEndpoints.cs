using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Common.Idempotency;
using SharingHub.Stories.Import;

namespace SharingHub.Stories;

/// <summary>The HTTP face of stories, shared by the self-host and the Functions app.</summary>
public static class StoryEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, StoryService stories, CancellationToken ct)
    {
        var draft = await RequestBody.ReadJsonAsync<StoryDraft>(request, ct);
        var (story, _) = await stories.CreateAsync(draft, IdempotencyKey.From(request), ct);
        return WithETag(request, story, TypedResults.Created($"/api/stories/{story.Id}", story));
    }

    public static async Task<IResult> Get(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var story = await stories.GetAsync(id, ct);
        return WithETag(request, story, TypedResults.Ok(story));
    }

    public static async Task<IResult> Update(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var expected = EntityTag.RequiredIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<StoryDraft>(request, ct);
        var story = await stories.UpdateAsync(id, draft, expected, ct);
        return WithETag(request, story, TypedResults.Ok(story));
    }

    public static Task<IResult> Submit(HttpRequest request, string id, StoryService stories, CancellationToken ct) =>
        Transition(request, stories.SubmitAsync(id, EntityTag.OptionalIfMatch(request), ct));

    public static Task<IResult> Publish(HttpRequest request, string id, StoryService stories, CancellationToken ct) =>
        Transition(request, stories.PublishAsync(id, EntityTag.OptionalIfMatch(request), ct));

    public static Task<IResult> Withdraw(HttpRequest request, string id, StoryService stories, CancellationToken ct) =>
        Transition(request, stories.WithdrawAsync(id, EntityTag.OptionalIfMatch(request), ct));

    public static async Task<IResult> Reject(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync<RejectRequest>(request, ct, maxBytes: 16 * 1024);
        return await Transition(request, stories.RejectAsync(id, body.Reason, EntityTag.OptionalIfMatch(request), ct));
    }

    public static async Task<IResult> List(HttpRequest request, StoryService stories, CancellationToken ct)
    {
        var query = StoryQueryParser.Parse(request.Query);
        return TypedResults.Ok(await stories.ListAsync(query, ct));
    }

    public static async Task<IResult> Import(HttpRequest request, StoryImporter importer, CancellationToken ct)
    {
        var report = await importer.ImportAsync(request, ct);
        return TypedResults.Ok(report);
    }

    private static async Task<IResult> Transition(HttpRequest request, Task<Story> change)
    {
        var story = await change;
        return WithETag(request, story, TypedResults.Ok(story));
    }

    private static IResult WithETag(HttpRequest request, Story story, IResult result)
    {
        request.HttpContext.Response.Headers.ETag = EntityTag.For(story.Version);
        return result;
    }
}

public sealed record RejectRequest(string? Reason);
