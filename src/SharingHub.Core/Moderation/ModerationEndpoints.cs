using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;
using SharingHub.Stories;

namespace SharingHub.Moderation;

/// <summary>/api/moderation: a network's queue of submitted stories, and the editor's decisions on them.</summary>
public static class ModerationEndpoints
{
    public static async Task<IResult> Queue(HttpRequest request, ModerationService moderation, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var network = query.String("network", 40);
        if (network is null && query.Errors.IsEmpty)
        {
            query.Errors.Add("network", "is required: the queue is per network (GET /api/networks lists them)");
        }
        query.ThrowIfInvalid();
        Caller.Of(request).Demand(Role.Secretariat, network!);
        return TypedResults.Ok(await moderation.QueueAsync(network!, ct));
    }

    public static async Task<IResult> Approve(HttpRequest request, string id, ModerationService moderation, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        var expected = EntityTag.OptionalIfMatch(request);
        var body = request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)
            ? new ApproveRequest(null, null)
            : await RequestBody.ReadJsonAsync<ApproveRequest>(request, ct);
        return WithETag(request, await moderation.ApproveAsync(id, body, Who(request), expected, ct));
    }

    public static async Task<IResult> Reject(HttpRequest request, string id, ModerationService moderation, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        var expected = EntityTag.OptionalIfMatch(request);
        var body = await RequestBody.ReadJsonAsync<ModerationRejectRequest>(request, ct, maxBytes: 16 * 1024);
        return WithETag(request, await moderation.RejectAsync(id, body.Reason, Who(request), expected, ct));
    }

    /// <summary>Role first (cheap, reveals nothing), then the story's network.</summary>
    private static async Task DemandSecretariatAsync(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var story = await stories.GetAsync(id, ct);
        caller.Demand(Role.Secretariat, story.Network);
    }

    /// <summary>The signed-in caller's name; "anonymous" until the hosts authenticate callers.</summary>
    internal static string? Who(HttpRequest request) => request.HttpContext.User.Identity?.Name;

    private static IResult WithETag(HttpRequest request, Story story)
    {
        request.HttpContext.Response.Headers.ETag = EntityTag.For(story.Version);
        return TypedResults.Ok(story);
    }
}
