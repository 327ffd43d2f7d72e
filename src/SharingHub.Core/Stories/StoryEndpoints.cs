using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Common.Idempotency;
using SharingHub.Stories.Import;

namespace SharingHub.Stories;

/// <summary>
/// The HTTP face of stories, shared by the self-host and the Functions app. Anyone reads published stories; a network's
/// secretariat (or an admin) writes, moderates and reads everything else of that network.
/// </summary>
public static class StoryEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var draft = await RequestBody.ReadJsonAsync<StoryDraft>(request, ct);
        if (!string.IsNullOrWhiteSpace(draft.Network))
        {
            caller.Demand(Role.Secretariat, draft.Network.Trim());
        }
        var (story, _) = await stories.CreateAsync(draft, IdempotencyKey.From(request), ct);
        return WithETag(request, story, TypedResults.Created($"/api/stories/{story.Id}", story));
    }

    [PublicRead]
    public static async Task<IResult> Get(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        var story = await stories.GetAsync(id, ct);
        if (story.Status != StoryStatus.Published && !caller.Has(Role.Secretariat, story.Network))
        {
            throw new NotFoundException("Story", id); // a draft's existence is nobody else's business
        }
        return WithETag(request, story, TypedResults.Ok(VisibleTo(caller, story)));
    }

    public static async Task<IResult> Update(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        var expected = EntityTag.RequiredIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<StoryDraft>(request, ct);
        var story = await stories.UpdateAsync(id, draft, expected, ct);
        return WithETag(request, story, TypedResults.Ok(story));
    }

    public static async Task<IResult> Submit(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        return await Transition(request, stories.SubmitAsync(id, EntityTag.OptionalIfMatch(request), ct));
    }

    public static async Task<IResult> Publish(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        return await Transition(request, stories.PublishAsync(id, EntityTag.OptionalIfMatch(request), ct));
    }

    public static async Task<IResult> Withdraw(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        return await Transition(request, stories.WithdrawAsync(id, EntityTag.OptionalIfMatch(request), ct));
    }

    public static async Task<IResult> Reject(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        await DemandSecretariatAsync(request, id, stories, ct);
        var body = await RequestBody.ReadJsonAsync<RejectRequest>(request, ct, maxBytes: 16 * 1024);
        return await Transition(request, stories.RejectAsync(id, body.Reason, EntityTag.OptionalIfMatch(request), ct));
    }

    /// <summary>Published stories for everyone; other statuses per network for its secretariat, across networks for admins.</summary>
    [PublicRead]
    public static async Task<IResult> List(HttpRequest request, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        var query = StoryQueryParser.Parse(request.Query);
        if (query.Status != StoryStatus.Published)
        {
            if (query.Network is null)
            {
                caller.Demand(caller.IsAdmin, "Stories that are not published are listed per network: add network=<one of your networks>.");
            }
            else
            {
                caller.Demand(Role.Secretariat, query.Network);
            }
        }
        var page = await stories.ListAsync(query, ct);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(s => VisibleTo(caller, s))] });
    }

    public static async Task<IResult> Import(HttpRequest request, StoryImporter importer, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var report = await importer.ImportAsync(request, ct, network => caller.Has(Role.Secretariat, network));
        return TypedResults.Ok(report);
    }

    /// <summary>
    /// The contact person is personal data, and who moderated (a key's name, an Entra app id) is the network's own business:
    /// both are shown to the story's secretariat and admins, not to the public or other networks.
    /// </summary>
    private static Story VisibleTo(Caller caller, Story story) =>
        caller.Has(Role.Secretariat, story.Network)
            ? story
            : story with { Contact = null, Moderation = story.Moderation is null ? null : story.Moderation with { By = null } };

    /// <summary>Role first (401/403 before anything is read), then the story's own network.</summary>
    private static async Task DemandSecretariatAsync(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var story = await stories.GetAsync(id, ct);
        caller.Demand(Role.Secretariat, story.Network);
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
