using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Stories;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

public sealed record RoundResult(int Subscriptions, int Due, int Enqueued, int NothingNew, IReadOnlyList<string> DeliveryIds);

/// <summary>
/// The hourly due-job: finds the subscriptions whose cadence fell due since they were last handled, composes their
/// digests from one shared snapshot of newly published stories, and queues one delivery per (subscription, period).
/// Running it twice, or concurrently, queues nothing twice: the delivery id is deterministic and its row is added first.
/// </summary>
public sealed class DigestRound(
    SubscriptionService subscriptions,
    StoryService stories,
    IDigestWebinarSource webinars,
    IDeliveryStore deliveries,
    IDeliveryQueue queue,
    IOptions<DigestOptions> options,
    TimeProvider clock,
    ILogger<DigestRound> logger)
{
    private readonly DigestOptions settings = options.Value;

    public async Task<RoundResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await subscriptions.ListAsync(null, ct);
        var lastWebinar = all.Any(s => s.Cadence.Kind == CadenceKind.AfterWebinar) ? await webinars.GetLastEpisodeDayAsync(now, ct) : null;
        var due = all
            .Where(s => !s.Paused)
            .Select(s => (Subscription: s, Occurrence: OsloSchedule.LatestOccurrence(s.Cadence, now, lastWebinar)))
            .Where(d => d.Occurrence is { } at && at > (d.Subscription.ScheduledThrough ?? d.Subscription.CreatedAt))
            .Select(d => (d.Subscription, Occurrence: d.Occurrence!.Value))
            .ToList();
        if (due.Count == 0)
        {
            return new RoundResult(all.Count, 0, 0, 0, []);
        }

        var oldest = due.Min(d => Since(d.Subscription));
        var snapshot = await PublishedSinceAsync(stories, oldest, ct);
        var assets = await webinars.GetNewAssetsAsync(oldest, ct);
        var next = await webinars.GetNextEpisodeAsync(now, ct);

        var enqueued = new List<string>();
        var nothingNew = 0;
        // One channel's subscriptions are composed one after another, so the second sees what the first carried.
        var byChannel = due.GroupBy(d => ChannelKey.Of(d.Subscription.TeamId, d.Subscription.ChannelId)).ToList();
        await Parallel.ForEachAsync(byChannel, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (channel, token) =>
        {
            foreach (var item in channel.OrderBy(d => d.Subscription.CreatedAt))
            {
                var id = await QueueAsync(item.Subscription, item.Occurrence, snapshot, assets, next, now, token);
                lock (enqueued)
                {
                    if (id is null)
                    {
                        nothingNew++;
                    }
                    else
                    {
                        enqueued.Add(id);
                    }
                }
            }
        });
        logger.LogInformation("Digest round: {Due} due, {Enqueued} queued, {NothingNew} with nothing new", due.Count, enqueued.Count, nothingNew);
        return new RoundResult(all.Count, due.Count, enqueued.Count, nothingNew, enqueued);
    }

    /// <summary>The message that would be posted for this subscription now, without posting or recording anything.</summary>
    public async Task<(DigestContent Content, RenderedDigest? Rendered)> PreviewAsync(Subscription subscription, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = Since(subscription);
        var snapshot = await PublishedSinceAsync(stories, since, ct);
        var content = await ComposeAsync(subscription, since, snapshot, await webinars.GetNewAssetsAsync(since, ct), await webinars.GetNextEpisodeAsync(now, ct), ct);
        var marker = "SH-" + Delivery.IdFor(subscription.Id, "preview");
        return (content, content.IsEmpty ? null : Renderer().Render(subscription, content, marker, now));
    }

    public DateTimeOffset Since(Subscription s) => s.DeliveredThrough ?? s.CreatedAt.AddDays(-settings.FirstDigestLookbackDays);

    private async Task<string?> QueueAsync(
        Subscription subscription, DateTimeOffset occurrence, IReadOnlyList<Story> snapshot, IReadOnlyList<DigestAsset> assets, DigestEpisode? next, DateTimeOffset now, CancellationToken ct)
    {
        var period = occurrence.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        var id = Delivery.IdFor(subscription.Id, period);
        var existing = await deliveries.GetAsync(id, ct);
        if (existing is null)
        {
            var since = Since(subscription);
            var content = await ComposeAsync(subscription, since, snapshot, assets, next, ct);
            if (content.IsEmpty)
            {
                await MarkScheduledAsync(subscription.Id, occurrence, ct);
                return null;
            }
            var delivery = new Delivery
            {
                Id = id,
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
            var rendered = Renderer().Render(subscription, content, delivery.Marker, now);
            delivery = delivery with { ItemKeys = rendered.ShownItemKeys };
            if (await deliveries.AddAsync(delivery, rendered.Html, ct))
            {
                // Claimed for the channel as soon as a digest holds them: no later digest there repeats them.
                await deliveries.AddCarriedAsync(ChannelKey.Of(subscription.TeamId, subscription.ChannelId), delivery, ct);
                await queue.EnqueueAsync(id, ct);
            }
            else
            {
                existing = await deliveries.GetAsync(id, ct);
            }
        }
        if (existing is { Delivery.Status: DeliveryStatus.Pending })
        {
            // Added by an earlier round that may have stopped before queueing: queue again; the worker posts it once.
            await queue.EnqueueAsync(id, ct);
        }
        await MarkScheduledAsync(subscription.Id, occurrence, ct);
        return id;
    }

    private async Task<DigestContent> ComposeAsync(
        Subscription subscription, DateTimeOffset since, IReadOnlyList<Story> snapshot, IReadOnlyList<DigestAsset> assets, DigestEpisode? next, CancellationToken ct)
    {
        var candidates = DigestComposer.Candidates(subscription, snapshot, since);
        var carried = candidates.Count == 0 && assets.Count == 0
            ? new HashSet<string>()
            : await deliveries.GetCarriedAsync(ChannelKey.Of(subscription.TeamId, subscription.ChannelId), since, ct);
        return DigestComposer.Compose(candidates, assets, next, carried, since);
    }

    private Task MarkScheduledAsync(string subscriptionId, DateTimeOffset occurrence, CancellationToken ct) =>
        subscriptions.ChangeAsync(subscriptionId, s => s.ScheduledThrough >= occurrence ? s : s with { ScheduledThrough = occurrence }, ct);

    private DigestRenderer Renderer() => new(settings.HubBaseUrl, settings.MaxMessageBytes);

    /// <summary>Every story published since <paramref name="since"/>: the "all" index partition read over a time range.</summary>
    public static async Task<IReadOnlyList<Story>> PublishedSinceAsync(StoryService stories, DateTimeOffset since, CancellationToken ct)
    {
        var list = new List<Story>();
        string? token = null;
        do
        {
            var page = await stories.ListAsync(new StoryQuery { Status = StoryStatus.Published, From = since, Limit = 1000, ContinuationToken = token }, ct);
            list.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return list;
    }
}
