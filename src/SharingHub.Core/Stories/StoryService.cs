using System.Text.Json;
using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Common.Idempotency;
using SharingHub.Networks;
using SharingHub.Search;

namespace SharingHub.Stories;

/// <summary>Everything that happens to a story: creation, edits, the status lifecycle and listings.</summary>
public sealed class StoryService(
    IStoryStore store,
    NetworkService networks,
    IIdempotencyStore idempotency,
    ISearchNoticeQueue searchNotices,
    TimeProvider clock,
    ILogger<StoryService> logger)
{
    public const string IdempotencyScope = "POST /api/stories";

    /// <summary>Creates a story. With an idempotency key, a retry answers with the story the first request created.</summary>
    /// <returns>The story, and whether this call created it (false: a retry of an earlier call).</returns>
    public async Task<(Story Story, bool Created)> CreateAsync(StoryDraft draft, string? idempotencyKey, CancellationToken ct, NewStoryOptions? options = null)
    {
        options ??= NewStoryOptions.Api;
        var content = await ValidateAsync(draft, ct);
        var sourceId = StoryValidator.SourceId(new ValidationErrors(), draft.SourceId);
        var id = options.Id ?? NewId();

        if (idempotencyKey is not null)
        {
            var hash = Hashing.Sha256Hex(JsonSerializer.Serialize(draft, HubJson.Options));
            var claim = await idempotency.ClaimAsync(IdempotencyScope, idempotencyKey, hash, id, ct);
            if (!claim.IsNew)
            {
                if (claim.RequestHash != hash)
                {
                    throw new UnprocessableException("This Idempotency-Key was used for a different request body. Use a new key for a new story.");
                }
                if (await store.GetAsync(claim.ResourceId, ct) is { } earlier)
                {
                    await store.EnsureIndexedAsync(earlier.Story, ct); // the first attempt may have stopped before its index rows
                    return (earlier.Story, false);
                }
                id = claim.ResourceId; // the first attempt claimed the key but never stored the story: finish its work
            }
        }

        if (sourceId is not null)
        {
            var holder = await store.ClaimSourceKeyAsync(options.Source, content.Network, sourceId, id, ct);
            if (holder != id)
            {
                throw new ConflictException($"Network '{content.Network}' already has a story with sourceId '{sourceId}': /api/stories/{holder}.");
            }
        }

        var now = clock.GetUtcNow();
        var story = new Story(content)
        {
            Id = id,
            Status = options.Status,
            Source = options.Source,
            SourceId = sourceId,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = options.Status == StoryStatus.Published ? now : null,
            Version = 1,
            Presentation = options.Presentation,
            Feed = options.Feed,
            Suggestions = options.Suggestions,
        };
        try
        {
            await store.CreateAsync(story, ct);
        }
        catch (ConflictException) when (idempotencyKey is not null)
        {
            // Two retries of the same request raced past the key check; both answer with the one story.
            var raced = await store.GetAsync(id, ct) ?? throw new ConflictException("This request is already being processed; retry shortly.");
            return (raced.Story, false);
        }
        logger.LogInformation("Story {StoryId} created by {Source} for network {Network}", story.Id, story.Source, story.Network);
        if (story.Status == StoryStatus.Published)
        {
            await searchNotices.NotifyAsync(SearchNotice.StoryKind, [story.Id], logger, ct);
        }
        return (story, true);
    }

    public async Task<Story> GetAsync(string id, CancellationToken ct) =>
        (await store.GetAsync(id, ct))?.Story ?? throw new NotFoundException("Story", id);

    public async Task<Story> UpdateAsync(string id, StoryDraft draft, int? expectedVersion, CancellationToken ct)
    {
        var content = await ValidateAsync(draft, ct);
        return await ChangeAsync(id, expectedVersion, story =>
        {
            // An erasure may have replaced a source id that held personal data by its pseudonym; the original still matches.
            if (draft.SourceId is not null && draft.SourceId != story.SourceId && StoryPersonalData.SourceIdPseudonym(draft.SourceId) != story.SourceId)
            {
                throw ValidationFailedException.For("sourceId", "cannot be changed; it identifies the story in the network's own system");
            }
            if (content.Network != story.Network)
            {
                throw ValidationFailedException.For("network", "cannot be changed; a story stays with the network that reported it");
            }
            return story.WithContent(content);
        }, ct);
    }

    public Task<Story> SubmitAsync(string id, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, story => StoryLifecycle.Submit(story), ct);

    public Task<Story> PublishAsync(string id, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, story => StoryLifecycle.Publish(story, clock.GetUtcNow()), ct);

    public Task<Story> RejectAsync(string id, string? reason, int? expectedVersion, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var checkedReason = TextRules.Text(errors, "reason", reason, 2_000, required: true);
        errors.ThrowIfAny();
        return ChangeAsync(id, expectedVersion, story => StoryLifecycle.Reject(story, checkedReason!), ct);
    }

    public Task<Story> WithdrawAsync(string id, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, story => StoryLifecycle.Withdraw(story), ct);

    public Task<StoryPage> ListAsync(StoryQuery query, CancellationToken ct) => store.ListAsync(query, ct);

    public Task<IReadOnlyList<Story>> ListPublishedSinceAsync(DateTimeOffset since, CancellationToken ct) => store.ListPublishedSinceAsync(since, ct);

    /// <summary>
    /// Applies <paramref name="change"/> to the current story and stores it if nobody else changed it meanwhile.
    /// With an expected version the caller's view must be current (412 otherwise); without one, a lost race is retried.
    /// </summary>
    public async Task<Story> ChangeAsync(string id, int? expectedVersion, Func<Story, Story> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(id, ct) ?? throw new NotFoundException("Story", id);
            EntityTag.Check(expectedVersion, current.Story.Version);
            var changed = change(current.Story) with { UpdatedAt = clock.GetUtcNow(), Version = current.Story.Version + 1 };
            if (await store.ReplaceAsync(current, changed, ct))
            {
                logger.LogInformation("Story {StoryId} is now {Status} at version {Version}", id, changed.Status, changed.Version);
                if (current.Story.Status == StoryStatus.Published || changed.Status == StoryStatus.Published)
                {
                    await searchNotices.NotifyAsync(SearchNotice.StoryKind, [id], logger, ct); // published, changed, withdrawn or erased
                }
                return changed;
            }
            if (expectedVersion is not null || attempt >= 3)
            {
                throw new PreconditionFailedException("The story was changed by someone else at the same time. Read it again and retry.");
            }
        }
    }

    internal async Task<StoryContent> ValidateAsync(StoryDraft draft, CancellationToken ct, ValidationErrors? errors = null, string prefix = "")
    {
        var own = errors ?? new ValidationErrors();
        var content = StoryValidator.Validate(draft, own, prefix);
        if (content.Network.Length > 0 && !await networks.ExistsAsync(content.Network, ct))
        {
            own.Add(prefix + "network", $"'{content.Network}' is not a registered network (GET /api/networks lists them)");
        }
        if (errors is null)
        {
            own.ThrowIfAny();
        }
        return content;
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}

/// <summary>
/// How a new story enters the hub: from which source, in which status, tied to which presentation. <paramref name="Id"/> lets a
/// caller that claimed the source key first (feed ingestion) create the story under the id it claimed with.
/// </summary>
public sealed record NewStoryOptions(string Source, StoryStatus Status, PresentationLink? Presentation = null, string? Id = null)
{
    public FeedOrigin? Feed { get; init; }

    public StorySuggestions? Suggestions { get; init; }

    public static NewStoryOptions Api { get; } = new(StorySources.Api, StoryStatus.Draft);
}
