using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Networks;

namespace SharingHub.Feeds;

/// <summary>
/// Polls one source: conditional GET, parse, ingest each item, record the poll, schedule the next one. Never throws for
/// anything the source did; everything it did wrong ends up in the poll's <see cref="FeedPoll.Error"/>.
/// </summary>
public sealed class FeedPoller(
    IFeedSourceStore store,
    FeedFetcher fetcher,
    FeedItemIngestor ingestor,
    NetworkService networks,
    TimeProvider clock,
    IOptions<FeedOptions> options,
    ILogger<FeedPoller> logger)
{
    private const int ItemParallelism = 8;
    private const int MaxItemErrors = 10;

    public async Task<FeedPoll> PollAsync(FeedSource source, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var poll = new FeedPoll { SourceId = source.Id, At = at };
        var keepValidators = false;
        string? etag = null, lastModified = null;
        try
        {
            var network = await networks.GetAsync(source.Network, ct);
            var response = await fetcher.FetchAsync(source, ct);
            poll = poll with { HttpStatus = response.Status, Error = response.Error };
            if (response.Error is null && response.NotModified)
            {
                keepValidators = true;
                etag = source.ETag;
                lastModified = source.LastModified;
            }
            else if (response.Error is null)
            {
                var parsed = FeedParser.Parse(response.Body!, options.Value.MaxItemsPerPoll, response.Charset);
                var results = new ItemResult[parsed.Items.Count];
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, parsed.Items.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = ItemParallelism, CancellationToken = ct },
                    async (i, token) => results[i] = await ingestor.IngestAsync(source, network, parsed.Items[i], token));
                poll = poll with
                {
                    ItemsNew = results.Count(r => r.Outcome == ItemOutcome.New),
                    ItemsSeen = results.Count(r => r.Outcome == ItemOutcome.Seen),
                    ItemsUpdated = results.Count(r => r.Outcome == ItemOutcome.Updated),
                    ItemsFailed = results.Count(r => r.Outcome == ItemOutcome.Failed),
                    ItemsSkipped = parsed.Skipped,
                    ItemErrors = results.Where(r => r.Error is not null).Select(r => r.Error!).Take(MaxItemErrors).ToList(),
                };
                // With validators kept, a 304 would hide items that failed for a passing reason until the feed changes.
                keepValidators = !results.Any(r => r.Transient);
                etag = response.ETag;
                lastModified = response.LastModified;
            }
        }
        catch (FeedFormatException ex)
        {
            poll = poll with { Error = ex.Message };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Polling feed source {SourceId} of network {Network} failed", source.Id, source.Network);
            poll = poll with { Error = "the poll failed inside the hub; it is tried again at the next interval" };
        }

        await store.AddPollAsync(source.Network, poll, ct);
        await ScheduleNextAsync(source, at, keepValidators ? etag : null, keepValidators ? lastModified : null, ct);
        logger.LogInformation(
            "Polled feed source {SourceId} of network {Network}: HTTP {Status}, {New} new, {Seen} seen, {Updated} updated, {Failed} failed, {Skipped} skipped, error {Error}",
            source.Id, source.Network, poll.HttpStatus, poll.ItemsNew, poll.ItemsSeen, poll.ItemsUpdated, poll.ItemsFailed, poll.ItemsSkipped, poll.Error);
        return poll;
    }

    private async Task ScheduleNextAsync(FeedSource polled, DateTimeOffset at, string? etag, string? lastModified, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await store.GetAsync(polled.Network, polled.Id, ct);
            if (current is null)
            {
                return; // deleted while it was polled
            }
            var sameUrl = current.Url == polled.Url;
            var next = current with
            {
                LastPolledAt = at,
                NextDueAt = sameUrl ? at.AddMinutes(current.IntervalMinutes) : current.NextDueAt,
                ETag = sameUrl ? etag : current.ETag,
                LastModified = sameUrl ? lastModified : current.LastModified,
                Version = current.Version + 1,
            };
            if (await store.ReplaceAsync(current, next, ct))
            {
                return;
            }
        }
        logger.LogWarning("Feed source {SourceId} could not be rescheduled after three attempts", polled.Id);
    }
}
