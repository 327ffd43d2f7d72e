using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Reference;
using SharingHub.Stories;

namespace SharingHub.Moderation;

/// <summary>A network's moderation queue: submitted stories oldest first; approve (publish) or reject, recorded with who and when.</summary>
public sealed class ModerationService(StoryService stories, NetworkService networks, TimeProvider clock, ILogger<ModerationService> logger)
{
    public const int MaxQueue = 1_000;
    public const string Anonymous = "anonymous";

    /// <summary>
    /// The submitted-stories index is newest first; a moderation queue is read whole (up to <see cref="MaxQueue"/>) and
    /// reversed, which is fine for a queue of modest size.
    /// </summary>
    public async Task<IReadOnlyList<Story>> QueueAsync(string network, CancellationToken ct)
    {
        await networks.GetAsync(network, ct);
        var page = await stories.ListAsync(new StoryQuery { Status = StoryStatus.Submitted, Network = network, Limit = MaxQueue }, ct);
        // Items ingested in one poll share their creation time; their publication at the source orders them then.
        return page.Items
            .OrderBy(s => s.CreatedAt)
            .ThenBy(s => s.Feed?.PublishedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Story> ApproveAsync(string id, ApproveRequest request, string? who, int? expectedVersion, CancellationToken ct)
    {
        var accepted = (request.AcceptSuggestions ?? []).ToList();
        StoryContent? edits = null;
        if (request.Edits is { } draft)
        {
            edits = await stories.ValidateAsync(draft, ct, prefix: "edits.");
        }
        var errors = new ValidationErrors();
        foreach (var (entry, i) in accepted.Select((a, i) => (a, i)))
        {
            if (entry is null || !IsSuggestionName(entry))
            {
                errors.Add($"acceptSuggestions[{i}]", "must be municipality, municipality:{kommunenummer}, goals or sector");
            }
        }
        errors.ThrowIfAny();
        var names = accepted.OfType<string>().ToList();

        var now = clock.GetUtcNow();
        var approved = await stories.ChangeAsync(id, expectedVersion, story =>
        {
            RequireSubmitted(story, "approve");
            if (edits is not null && edits.Network != story.Network)
            {
                throw ValidationFailedException.For("edits.network", "cannot be changed; a story stays with the network that reported it");
            }
            var changed = edits is null ? story : story.WithContent(edits);
            changed = Accept(changed, story.Suggestions, names);
            return StoryLifecycle.Publish(changed, now) with
            {
                Moderation = new ModerationRecord(who ?? Anonymous, now, "approved", null, names),
            };
        }, ct);
        logger.LogInformation("Story {StoryId} approved by {Moderator}", id, who ?? Anonymous);
        return approved;
    }

    public async Task<Story> RejectAsync(string id, string? reason, string? who, int? expectedVersion, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var checkedReason = TextRules.Text(errors, "reason", reason, 2_000, required: true);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var rejected = await stories.ChangeAsync(id, expectedVersion, story =>
        {
            RequireSubmitted(story, "reject");
            return StoryLifecycle.Reject(story, checkedReason!) with
            {
                Moderation = new ModerationRecord(who ?? Anonymous, now, "rejected", checkedReason, []),
            };
        }, ct);
        logger.LogInformation("Story {StoryId} rejected by {Moderator}", id, who ?? Anonymous);
        return rejected;
    }

    private static void RequireSubmitted(Story story, string action)
    {
        if (story.Status != StoryStatus.Submitted)
        {
            throw new ConflictException($"Cannot {action} story '{story.Id}': it is {StoryEntities.Status(story.Status)}, and only a submitted story is in the moderation queue.");
        }
    }

    private static bool IsSuggestionName(string entry) =>
        entry is "municipality" or "goals" or "sector" || (entry.StartsWith("municipality:", StringComparison.Ordinal) && entry.Length == "municipality:".Length + 4);

    /// <summary>Applies the accepted suggestions; accepting one the story does not have is a validation error.</summary>
    private static Story Accept(Story story, StorySuggestions? suggestions, IReadOnlyList<string> accepted)
    {
        var errors = new ValidationErrors();
        foreach (var (entry, i) in accepted.Select((a, i) => (a, i)))
        {
            var field = $"acceptSuggestions[{i}]";
            if (entry.StartsWith("municipality", StringComparison.Ordinal))
            {
                var wanted = entry.Length > "municipality:".Length ? entry["municipality:".Length..] : null;
                var suggestion = suggestions?.Municipalities.FirstOrDefault(m => wanted is null || m.Kommunenummer == wanted);
                if (suggestion is null || !ReferenceData.Instance.MunicipalityByNumber.TryGetValue(suggestion.Kommunenummer, out var municipality))
                {
                    errors.Add(field, wanted is null ? "the story has no municipality suggestion" : $"{wanted} is not among the story's municipality suggestions");
                    continue;
                }
                story = story with { Kommunenummer = municipality.Kommunenummer, Fylkesnummer = municipality.Fylkesnummer };
            }
            else if (entry == "goals")
            {
                if (suggestions is not { Goals.Count: > 0 })
                {
                    errors.Add(field, "the story has no goal suggestions");
                    continue;
                }
                story = story with { Goals = story.Goals.Union(suggestions.Goals).Order().ToList() };
            }
            else if (entry == "sector")
            {
                if (suggestions?.Sector is not { } sector)
                {
                    errors.Add(field, "the story has no sector suggestion");
                    continue;
                }
                story = story with { Sector = sector };
            }
        }
        errors.ThrowIfAny();
        return story;
    }
}

/// <summary>The body of POST /api/moderation/{storyId}/approve: optional edits (a full story draft) and accepted suggestions.</summary>
public sealed record ApproveRequest(StoryDraft? Edits, IReadOnlyList<string?>? AcceptSuggestions);

public sealed record ModerationRejectRequest(string? Reason);
