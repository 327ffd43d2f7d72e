using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Stories;

namespace SharingHub.Feeds;

public enum ItemOutcome
{
    New,
    Seen,
    Updated,
    Failed,
}

/// <summary>What became of one item; <see cref="Transient"/> failures (storage) are worth trying again on the next poll.</summary>
public sealed record ItemResult(ItemOutcome Outcome, string? Error = null, bool Transient = false);

/// <summary>
/// Turns one feed item into a submitted story in the network's moderation queue, or recognises it as seen. The natural key
/// is the item's id, else its link, else a hash of title and published time; the link is claimed as a second key. A changed item updates its story only while
/// the story is still unpublished.
/// </summary>
public sealed class FeedItemIngestor(IStoryStore store, StoryService stories, ILogger<FeedItemIngestor> logger)
{
    /// <summary>The second natural key of a feed story: its link, claimed beside the id so either one recognises the item.</summary>
    public const string LinkKeySource = "feed-link";

    public async Task<ItemResult> IngestAsync(FeedSource source, Network network, FeedItem item, CancellationToken ct)
    {
        var title = FeedText.Line(item.Title, StoryValidator.TitleMax);
        if (title is null)
        {
            return new ItemResult(ItemOutcome.Failed, $"item {Describe(item)} has no title");
        }
        var key = NaturalKey(item, title);
        var summary = FeedText.Paragraphs(item.Summary, StoryValidator.SummaryMax);
        var link = TextRules.IsHttpUrl(item.Link, out var uri) && item.Link!.Length <= 2_000 ? uri!.ToString() : null;
        var suggestions = FeedSuggester.Suggest(title, summary, network.Fylker);
        var origin = new FeedOrigin(source.Id, link, item.Published, item.Updated,
            Hashing.Sha256Hex(string.Join('\u001F', item.Title, item.Summary, item.Link, item.Updated?.ToString("O"))));

        // A feed item names no municipality: the story is filed under the network's county until an editor accepts a suggestion.
        var fylke = network.Fylker.FirstOrDefault() ?? suggestions?.Municipalities.Select(m => ReferenceFylke(m.Kommunenummer)).FirstOrDefault();
        var draft = new StoryDraft
        {
            Title = title,
            Summary = summary,
            Network = network.Id,
            Fylkesnummer = fylke,
            Links = link is null ? [] : [link],
            SourceId = key,
        };

        try
        {
            var candidate = StoryService.NewId();
            var holder = await store.ClaimSourceKeyAsync(StorySources.Feed, network.Id, key, candidate, ct);
            var existing = holder == candidate ? null : await store.GetAsync(holder, ct);
            if (existing is null && link is not null)
            {
                // The same link under a new id (a site that regenerated its guids) is the same item.
                var linkHolder = await store.ClaimSourceKeyAsync(LinkKeySource, network.Id, link, holder, ct);
                existing = linkHolder == holder ? null : await store.GetAsync(linkHolder, ct);
            }
            if (existing is null)
            {
                // New, or an earlier poll claimed the key but never stored the story: create it under the claimed id.
                await stories.CreateAsync(draft, null, ct, new NewStoryOptions(StorySources.Feed, StoryStatus.Submitted, Id: holder)
                {
                    Feed = origin,
                    Suggestions = suggestions,
                });
                return new ItemResult(ItemOutcome.New);
            }
            if (existing.Story.Feed?.ContentHash == origin.ContentHash || !IsUnpublished(existing.Story.Status))
            {
                return new ItemResult(ItemOutcome.Seen);
            }
            await stories.ChangeAsync(existing.Story.Id, null, story =>
            {
                if (!IsUnpublished(story.Status))
                {
                    throw new ModeratedMeanwhileException();
                }
                return story with { Title = title, Summary = summary, Links = draft.Links!.OfType<string>().ToList(), Feed = origin, Suggestions = suggestions };
            }, ct);
            logger.LogInformation("Story {StoryId} updated from feed source {SourceId}", existing.Story.Id, source.Id);
            return new ItemResult(ItemOutcome.Updated);
        }
        catch (ModeratedMeanwhileException)
        {
            return new ItemResult(ItemOutcome.Seen);
        }
        catch (ConflictException)
        {
            return new ItemResult(ItemOutcome.Seen); // the same item twice in one feed, created by the other copy
        }
        catch (ValidationFailedException ex)
        {
            var reasons = string.Join("; ", ex.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
            return new ItemResult(ItemOutcome.Failed, $"item {Describe(item)}: {reasons}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Item {ItemKey} of feed source {SourceId} could not be stored", key, source.Id);
            return new ItemResult(ItemOutcome.Failed, $"item {Describe(item)} could not be stored; it is tried again next time", Transient: true);
        }
    }

    /// <summary>The item's id, else its link, else a hash of title and published time (stable while those stay the same).</summary>
    public static string NaturalKey(FeedItem item, string title)
    {
        var key = item.Id ?? item.Link ?? $"derived:{Hashing.Sha256Hex($"{title}\u001F{item.Published?.ToString("O")}")}";
        return key.Length > 500 || key.Any(char.IsControl) ? $"sha256:{Hashing.Sha256Hex(key)}" : key;
    }

    private static bool IsUnpublished(StoryStatus status) => status is StoryStatus.Submitted or StoryStatus.Draft;

    private static string? ReferenceFylke(string kommunenummer) =>
        Reference.ReferenceData.Instance.MunicipalityByNumber.TryGetValue(kommunenummer, out var m) ? m.Fylkesnummer : null;

    private static string Describe(FeedItem item)
    {
        var name = item.Id ?? item.Link ?? item.Title ?? "(untitled)";
        return $"'{(name.Length > 80 ? name[..80] + "…" : name)}'";
    }

    private sealed class ModeratedMeanwhileException : Exception;
}
