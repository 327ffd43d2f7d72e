using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Common.Http;
using SharingHub.Pages;
using SharingHub.Stories;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

public sealed record RoundResult(int Subscriptions, int Due, int Enqueued, int NothingNew, IReadOnlyList<string> DeliveryIds);

/// <summary>
/// The hourly due-job: finds the subscriptions whose cadence fell due since they were last handled, composes their
/// digests from one read of newly published stories and of what each channel was already given, and queues one
/// delivery per (subscription, period). Running it twice, or concurrently, queues nothing twice: the delivery id is
/// deterministic and its row is added before its message is queued; a subscription is marked handled only after.
/// </summary>
public sealed class DigestRound(
    SubscriptionService subscriptions,
    StoryService stories,
    IDigestWebinarSource webinars,
    IDeliveryStore deliveries,
    IDeliveryQueue queue,
    IOptions<DigestOptions> options,
    IOptions<PageOptions> pages,
    TimeProvider clock,
    ILogger<DigestRound> logger)
{
    private const int WriteChunk = 100; // one transaction's worth: the first messages go out while later ones are written
    private const int ParallelChunks = 4;

    private readonly DigestOptions settings = options.Value;

    public async Task<RoundResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var all = await subscriptions.ListAsync(null, ct);
        var lastWebinar = all.Any(s => s.Cadence.Kind == CadenceKind.AfterWebinar) ? await webinars.GetLastEpisodeDayAsync(now, ct) : null;
        var due = all
            .Where(s => !s.Paused)
            .Select(s => (Subscription: s, Occurrence: OsloSchedule.LatestOccurrence(s.Cadence, now, lastWebinar)))
            .Where(d => d.Occurrence is { } at && at > (d.Subscription.ScheduledThrough ?? d.Subscription.CreatedAt))
            .ToDictionary(d => d.Subscription.Id, d => new Due(d.Subscription, d.Occurrence!.Value), StringComparer.Ordinal);
        if (due.Count == 0)
        {
            return new RoundResult(all.Count, 0, 0, 0, []);
        }

        var oldest = due.Values.Min(d => Since(d.Subscription));
        var snapshot = stories.ListPublishedSinceAsync(oldest, ct);
        var assets = webinars.GetNewAssetsAsync(oldest, ct);
        var next = webinars.GetNextEpisodeAsync(now, ct);
        var carried = deliveries.GetCarriedAsync(oldest, ct);
        // A delivery row for a due period means an earlier round stopped before marking it handled: queue it again if
        // it is still pending, and compose nothing new for it.
        var earlier = deliveries.FindManyAsync([.. due.Values.Select(d => d.DeliveryId)], ct);
        await Task.WhenAll(snapshot, assets, next, carried, earlier);
        var read = watch.Elapsed;
        var enqueued = new List<string>(await RequeueAsync([.. earlier.Result.Values.Where(d => d.Status == DeliveryStatus.Pending)], ct));

        // Composing is CPU work and writing is storage work: the one feeds the other, so the first digests are queued
        // (and posted) while the rest are still being composed.
        var pending = InRowOrder(due.Values.Where(d => !earlier.Result.ContainsKey(d.DeliveryId)));
        var composedCount = 0;
        var composing = TimeSpan.Zero; // time spent composing, not waiting for room
        // Bounded, so that composing never holds more than a few transactions' worth of messages in memory.
        var digests = System.Threading.Channels.Channel.CreateBounded<(Delivery Delivery, CompressedHtml Html)>(
            new System.Threading.Channels.BoundedChannelOptions(2 * WriteChunk) { SingleReader = true, SingleWriter = true });
        var composer = Task.Run(async () =>
        {
            try
            {
                var renderer = Renderer();
                var busy = System.Diagnostics.Stopwatch.StartNew();
                foreach (var digest in Compose(pending, DigestComposer.NewestFirst(snapshot.Result), assets.Result, next.Result, carried.Result, renderer, now))
                {
                    composedCount++;
                    busy.Stop();
                    await digests.Writer.WriteAsync(digest, ct);
                    busy.Start();
                }
                composing = busy.Elapsed;
                digests.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                digests.Writer.TryComplete(ex);
            }
        }, ct);

        // A chunk's steps go in order (rows, what they carry, their messages, the marks), but up to ParallelChunks chunks
        // go at once: each step waits for storage, and one chunk after another would add those waits up.
        var marked = new HashSet<string>(StringComparer.Ordinal);
        var writing = new List<Task>();
        using var slots = new SemaphoreSlim(ParallelChunks);
        try
        {
            while (await digests.Reader.WaitToReadAsync(ct))
            {
                var chunk = new List<(Delivery Delivery, CompressedHtml Html)>(WriteChunk);
                while (chunk.Count < WriteChunk && digests.Reader.TryRead(out var digest))
                {
                    chunk.Add(digest);
                }
                await slots.WaitAsync(ct);
                writing.Add(Task.Run(async () =>
                {
                    try
                    {
                        var ids = await WriteAndQueueAsync(chunk, ct);
                        // Only once queued: a round that stops before this leaves them due, and the next finds their rows
                        // and queues them.
                        await MarkScheduledAsync(due, chunk.Select(c => c.Delivery.SubscriptionId), ct);
                        lock (marked)
                        {
                            enqueued.AddRange(ids);
                            marked.UnionWith(chunk.Select(c => c.Delivery.SubscriptionId));
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, ct));
                writing.RemoveAll(t => t.IsCompletedSuccessfully);
                if (writing.Find(t => t.IsFaulted) is { } failed)
                {
                    await failed;
                }
            }
        }
        finally
        {
            digests.Writer.TryComplete(); // a write that failed stops the composing, which would otherwise wait for room
        }
        await Task.WhenAll(writing);
        await composer;
        await MarkScheduledAsync(due, due.Keys.Where(id => !marked.Contains(id)), ct);

        var nothingNew = due.Count - composedCount - earlier.Result.Count;
        logger.LogInformation(
            "Digest round: {Due} due, {Enqueued} queued, {NothingNew} with nothing new; read in {ReadMs} ms, composed in {ComposeMs} ms, done after {TotalMs} ms",
            due.Count, enqueued.Count, nothingNew, (int)read.TotalMilliseconds, (int)composing.TotalMilliseconds, (int)watch.Elapsed.TotalMilliseconds);
        return new RoundResult(all.Count, due.Count, enqueued.Count, nothingNew, enqueued);
    }

    /// <summary>
    /// One channel's subscriptions oldest first, each seeing what the ones before it carried; empty digests are skipped.
    /// Subscriptions with the same filters and window share their stories, and those that also share a municipality and
    /// a channel given nothing yet share their message up to its last line: composed, rendered and compressed once.
    /// </summary>
    private IEnumerable<(Delivery Delivery, CompressedHtml Html)> Compose(
        IReadOnlyList<Due> due, IReadOnlyList<Story> newestFirst, IReadOnlyList<DigestAsset> assets, DigestEpisode? next, CarriedItems carried, DigestRenderer renderer, DateTimeOffset now)
    {
        var candidates = new Dictionary<(string Filters, DateTimeOffset Since), List<Story>>();
        // Only what a digest that shares it needs: the message compressed and the items it shows, not its rendered text.
        var shared = new Dictionary<(string Kommunenummer, string Filters, DateTimeOffset Since), (DigestContent Content, IReadOnlyList<string> Shown, CompressedHtml Html)?>();
        foreach (var (subscription, occurrence) in due)
        {
            var since = Since(subscription);
            var channel = ChannelKey.Of(subscription.TeamId, subscription.ChannelId);
            var filters = FilterKey(subscription);
            var given = carried.For(channel, since);
            var key = (subscription.Kommunenummer, filters, since);
            if (given.Count > 0 || !shared.TryGetValue(key, out var digest))
            {
                if (!candidates.TryGetValue((filters, since), out var stories))
                {
                    stories = DigestComposer.Candidates(subscription, newestFirst, since);
                    Remember(candidates, (filters, since), stories);
                }
                var content = DigestComposer.Compose(stories, assets, next, given, since);
                var body = content.IsEmpty ? null : renderer.RenderBody(subscription, content, now);
                digest = body is null ? null : (content, body.ShownItemKeys, CompressedHtml.Of(body.Html));
                if (given.Count == 0)
                {
                    Remember(shared, key, digest);
                }
            }
            if (digest is not { } message)
            {
                continue;
            }
            var delivery = NewDelivery(subscription, occurrence, since, message.Content, now) with { ItemKeys = message.Shown };
            carried.Add(channel, now, delivery.ItemKeys);
            yield return (delivery, message.Html.Append(DigestRenderer.Foot(delivery.Marker, now)));
        }
    }

    /// <summary>
    /// By subscription id, the order of the deliveries' rows in their period, so that each queue message's deliveries lie
    /// next to each other and the worker reads them in one range read. A channel's subscriptions go together where the
    /// first of them comes, oldest first, so that each sees what the ones before it carried.
    /// </summary>
    private static List<Due> InRowOrder(IEnumerable<Due> due)
    {
        var channels = due
            .GroupBy(d => ChannelKey.Of(d.Subscription.TeamId, d.Subscription.ChannelId), StringComparer.Ordinal)
            .Select(g => g.OrderBy(d => d.Subscription.CreatedAt).ThenBy(d => d.Subscription.Id, StringComparer.Ordinal).ToList())
            .OrderBy(g => g.Min(d => d.Subscription.Id), StringComparer.Ordinal);
        return [.. channels.SelectMany(g => g)];
    }

    // What a round keeps to share between digests stays bounded, whatever the number of distinct filters.
    private const int SharedEntries = 1_000;

    private static void Remember<TKey, TValue>(Dictionary<TKey, TValue> shared, TKey key, TValue value)
        where TKey : notnull
    {
        if (shared.Count < SharedEntries)
        {
            shared[key] = value;
        }
    }

    /// <summary>Everything <see cref="DigestComposer.Matches"/> reads of a subscription, as one key.</summary>
    private static string FilterKey(Subscription subscription) =>
        JsonSerializer.Serialize(subscription.Filters, HubJson.Options) + (subscription.Filters.OwnMunicipalityOnly ? subscription.Kommunenummer : string.Empty);

    private sealed record Due(Subscription Subscription, DateTimeOffset Occurrence)
    {
        public string DeliveryId => Delivery.IdFor(Subscription.Id, Delivery.PeriodOf(Occurrence));
    }

    /// <summary>The message that would be posted for this subscription now, without posting or recording anything.</summary>
    public async Task<(DigestContent Content, RenderedDigest? Rendered)> PreviewAsync(Subscription subscription, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = Since(subscription);
        var snapshot = await stories.ListPublishedSinceAsync(since, ct);
        var carried = await deliveries.GetCarriedAsync(since, ct);
        var content = DigestComposer.Compose(
            DigestComposer.Candidates(subscription, DigestComposer.NewestFirst(snapshot), since),
            await webinars.GetNewAssetsAsync(since, ct),
            await webinars.GetNextEpisodeAsync(now, ct),
            carried.For(ChannelKey.Of(subscription.TeamId, subscription.ChannelId), since),
            since);
        var marker = "SH-" + Delivery.IdFor(subscription.Id, "preview");
        return (content, content.IsEmpty ? null : Renderer().Render(subscription, content, marker, now));
    }

    public DateTimeOffset Since(Subscription s) => s.DeliveredThrough ?? s.CreatedAt.AddDays(-settings.FirstDigestLookbackDays);

    private Task MarkScheduledAsync(IReadOnlyDictionary<string, Due> due, IEnumerable<string> ids, CancellationToken ct) =>
        subscriptions.MarkScheduledAsync([.. ids.Select(id => (id, due[id].Occurrence))], ct);

    /// <summary>Adds the deliveries' rows, then queues them. Returns the ids queued.</summary>
    private async Task<IReadOnlyList<string>> WriteAndQueueAsync(IReadOnlyList<(Delivery Delivery, CompressedHtml Html)> chunk, CancellationToken ct)
    {
        var added = await deliveries.AddManyAsync(chunk, ct);
        var ours = chunk.Select(c => c.Delivery).Where(d => added.Contains(d.Id)).ToList();
        foreach (var (delivery, _) in chunk.Where(c => !added.Contains(c.Delivery.Id)))
        {
            // A round racing this one added it first: if it is still pending, queuing it again is harmless.
            if (await deliveries.GetAsync(delivery.Id, ct) is { Delivery: { Status: DeliveryStatus.Pending } raced })
            {
                ours.Add(raced);
            }
        }
        return await RequeueAsync(ours, ct);
    }

    /// <summary>Records what pending deliveries carry (idempotent), then queues them; the worker posts each once.</summary>
    private async Task<IReadOnlyList<string>> RequeueAsync(IReadOnlyList<Delivery> pending, CancellationToken ct)
    {
        // Recorded for the channel before any is posted: no later digest there repeats them.
        await deliveries.AddCarriedAsync(pending, ct);
        IReadOnlyList<string> ids = [.. pending.Select(d => d.Id)];
        await queue.EnqueueAsync(ids, ct);
        return ids;
    }

    private static Delivery NewDelivery(Subscription subscription, DateTimeOffset occurrence, DateTimeOffset since, DigestContent content, DateTimeOffset now)
    {
        var period = Delivery.PeriodOf(occurrence);
        return new Delivery
        {
            Id = Delivery.IdFor(subscription.Id, period),
            SubscriptionId = subscription.Id,
            Period = period,
            Status = DeliveryStatus.Pending,
            Kommunenummer = subscription.Kommunenummer,
            ConnectionId = subscription.ConnectionId,
            TeamId = subscription.TeamId,
            ChannelId = subscription.ChannelId,
            Outbox = subscription.ConnectionId is null,
            ScheduledFor = occurrence,
            ComposedAt = now,
            CoversFrom = since,
            StoryCount = content.Stories.Count,
            AssetCount = content.Assets.Count,
        };
    }

    private DigestRenderer Renderer() => new(DigestLinks.Base(pages.Value, settings), settings.MaxMessageBytes);
}
