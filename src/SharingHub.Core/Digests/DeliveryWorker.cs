using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Common;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.Digests;

public enum DeliveryOutcome
{
    /// <summary>Posted (or kept in the outbox) and recorded by this call.</summary>
    Sent,

    /// <summary>Already sent or failed: nothing to do (a redelivered queue message).</summary>
    AlreadyDone,

    /// <summary>Another worker holds it; try again after its lease.</summary>
    Busy,

    /// <summary>Not posted for now (throttled, daily cap); back to pending, try again later.</summary>
    Retry,

    /// <summary>Failed for good (403/404, access lost); recorded with the reason.</summary>
    Failed,

    Missing,
}

/// <summary>
/// Posts each delivery exactly once. The delivery row is the lock: a worker claims it (pending → sending, conditional
/// on the row's ETag), posts, then records sent. A worker that finds a delivery someone once claimed (a crash, an
/// expired lease, a retry) first looks in the channel for the message carrying the delivery's marker before posting.
/// The deliveries of one queue message go through these steps together: each row is read by itself, but they are
/// claimed in one transaction, recorded sent in another, and their subscriptions moved on in a third.
/// </summary>
public sealed class DeliveryWorker(
    IDeliveryStore deliveries,
    IDeliveryQueue queue,
    SubscriptionService subscriptions,
    TeamsConnectionService connections,
    ITeamsChannels channels,
    IDigestOutbox outbox,
    DigestThrottle throttle,
    DeliveryFaults faults,
    IOptions<DigestOptions> options,
    IOptions<TeamsOptions> teamsOptions,
    TimeProvider clock,
    ILogger<DeliveryWorker> logger)
{
    /// <summary>
    /// How long this process reuses a connection it read: a round posts to many channels of each connection within
    /// seconds. One marked broken elsewhere meanwhile fails here at sign-in the same way.
    /// </summary>
    private static readonly TimeSpan ConnectionFresh = TimeSpan.FromSeconds(30);

    private readonly DigestOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, (Task<TeamsConnection?> Read, DateTimeOffset At)> connectionReads = new(StringComparer.Ordinal);

    public async Task<DeliveryOutcome> DeliverAsync(string deliveryId, CancellationToken ct) =>
        (await DeliverManyAsync([deliveryId], ct))[deliveryId];

    /// <summary>
    /// Delivers the deliveries of one queue message, each exactly once, as <see cref="DeliverAsync"/> would one by one.
    /// A crash part-way leaves each of them where a crash of <see cref="DeliverAsync"/> would: the message comes back
    /// and the next attempt finds every delivery's own state on its row.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeliveryOutcome>> DeliverManyAsync(IReadOnlyList<string> deliveryIds, CancellationToken ct)
    {
        var batch = new Batch();
        await DeliverTogetherAsync([.. deliveryIds.Distinct(StringComparer.Ordinal)], batch, ct);
        await FinishAsync([.. batch.Finished], ct);
        return batch.Outcomes;
    }

    /// <summary>What one message's deliveries share: their outcomes and the sent ones to record.</summary>
    private sealed class Batch
    {
        public ConcurrentDictionary<string, DeliveryOutcome> Outcomes { get; } = new(StringComparer.Ordinal);
        public ConcurrentBag<Delivery> Finished { get; } = [];
    }

    private readonly Lock listingLock = new();
    private (Task Read, DateTimeOffset At)? listing;

    /// <summary>
    /// When several of the connections a message's deliveries post through are not at hand, reads every connection at
    /// once: a round's digests go to many tenants, and one query costs less than a read for each. A listing younger than
    /// <see cref="ConnectionFresh"/> is not repeated; a connection it does not hold is read by itself.
    /// </summary>
    private async Task ReadConnectionsAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var missing = ids.OfType<string>().Distinct(StringComparer.Ordinal).Count(id => !IsFresh(id, now));
        if (missing < 2)
        {
            return;
        }
        Task read;
        lock (listingLock)
        {
            if (listing is not { } known || !Fresh(known, now))
            {
                listing = (ListConnectionsAsync(now, ct), now);
            }
            read = listing.Value.Read;
        }
        try
        {
            await read;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not list the Teams connections; reading them one by one");
        }
    }

    private async Task ListConnectionsAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var connection in await connections.ListAsync(ct))
        {
            connectionReads[connection.Id] = (Task.FromResult<TeamsConnection?>(connection), now);
        }
    }

    private bool IsFresh(string id, DateTimeOffset now) => connectionReads.TryGetValue(id, out var known) && Fresh(known, now);

    private static bool Fresh((Task Read, DateTimeOffset At) known, DateTimeOffset now) =>
        known.At + ConnectionFresh > now && !known.Read.IsFaulted && !known.Read.IsCanceled;

    private Task<TeamsConnection?> ConnectionAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return connectionReads.AddOrUpdate(
            id,
            _ => (connections.FindAsync(id, ct), now),
            (_, known) => Fresh(known, now) ? known : (connections.FindAsync(id, ct), now)).Read;
    }

    private sealed record Claimed(Delivery Delivery, string Stamp, CompressedHtml Message, bool EverClaimed);

    private async Task DeliverTogetherAsync(IReadOnlyList<string> ids, Batch batch, CancellationToken ct)
    {
        var rows = await deliveries.GetManyAsync(ids, ct);
        var now = clock.GetUtcNow();
        var claims = new List<(StoredDelivery Stored, Delivery Claim)>();
        foreach (var id in ids)
        {
            var stored = rows.GetValueOrDefault(id);
            switch (stored?.Delivery.Status)
            {
                case null:
                    logger.LogWarning("Delivery {DeliveryId} does not exist; dropping its message", id);
                    batch.Outcomes[id] = DeliveryOutcome.Missing;
                    continue;
                case DeliveryStatus.Sent:
                    batch.Finished.Add(stored.Delivery); // a crash after recording may have left the bookkeeping undone
                    batch.Outcomes[id] = DeliveryOutcome.AlreadyDone;
                    continue;
                case DeliveryStatus.Failed:
                    batch.Outcomes[id] = DeliveryOutcome.AlreadyDone;
                    continue;
                case DeliveryStatus.Sending when stored.Delivery.ClaimedAt + TimeSpan.FromSeconds(settings.LeaseSeconds) > now:
                    batch.Outcomes[id] = DeliveryOutcome.Busy;
                    continue;
            }
            claims.Add((stored, stored.Delivery with { Status = DeliveryStatus.Sending, ClaimedAt = now, Attempts = stored.Delivery.Attempts + 1, Reason = null }));
        }
        if (claims.Count == 0)
        {
            return;
        }

        var stamps = await deliveries.ReplaceManyAsync([.. claims.Select(c => (c.Claim.Id, c.Stored.Stamp, c.Claim))], ct);
        var lost = claims.Where(c => stamps[c.Claim.Id] is null).Select(c => c.Claim.Id).ToList();
        if (claims.Count == 1 && lost.Count == 1)
        {
            logger.LogInformation("Delivery {DeliveryId} was claimed by another worker", lost[0]);
            batch.Outcomes[lost[0]] = DeliveryOutcome.Busy;
            return;
        }
        // One of a transaction's rows changed since it was read, so none of that transaction was claimed: each on its own.
        var alone = Task.WhenAll(lost.Select(id => DeliverTogetherAsync([id], batch, ct)));
        var ours = claims
            .Where(c => stamps[c.Claim.Id] is not null)
            .Select(c => new Claimed(c.Claim, stamps[c.Claim.Id]!, c.Stored.Message, EverClaimed: c.Stored.Delivery.Attempts > 0))
            .ToList();
        foreach (var claimed in ours)
        {
            await faults.AfterClaimAsync(claimed.Delivery.Id);
        }
        await ReadConnectionsAsync(ours.Where(c => !c.Delivery.Outbox).Select(c => c.Delivery.ConnectionId), ct);
        var posted = (await Task.WhenAll(ours.Select(c => PostAsync(c, batch, ct)))).OfType<(Claimed Claimed, Delivery Sent)>().ToList();
        var recorded = await deliveries.ReplaceManyAsync([.. posted.Select(p => (p.Sent.Id, p.Claimed.Stamp, p.Sent))], ct);
        foreach (var (claimed, sent) in posted)
        {
            // A transaction of several that failed: record each on its own, so one taken over does not hold up the rest.
            var stamp = recorded[sent.Id] ?? (posted.Count > 1 ? await deliveries.ReplaceAsync(sent.Id, claimed.Stamp, sent, ct) : null);
            if (stamp is null)
            {
                // Our lease ran out and another worker took over; it finds our message by its marker and records it.
                logger.LogWarning("Delivery {DeliveryId} was taken over before it could be recorded", sent.Id);
                batch.Outcomes[sent.Id] = DeliveryOutcome.Busy;
                continue;
            }
            batch.Finished.Add(sent);
            batch.Outcomes[sent.Id] = DeliveryOutcome.Sent;
            logger.LogInformation("Delivered digest {DeliveryId} to channel {ChannelId} as message {MessageId}", sent.Id, sent.ChannelId, sent.MessageId);
        }
        await alone;
    }

    /// <summary>Posts a claimed delivery; returns it as sent, or null when it was released or failed (its outcome set).</summary>
    private async Task<(Claimed Claimed, Delivery Sent)?> PostAsync(Claimed claimed, Batch batch, CancellationToken ct)
    {
        var delivery = claimed.Delivery;
        string messageId;
        try
        {
            messageId = delivery.Outbox
                ? await KeepInOutboxAsync(delivery, claimed.Message.Text(), ct)
                : await PostOnceAsync(delivery, claimed.Message, claimed.EverClaimed, ct);
        }
        catch (TeamsGraphException ex) when (ex.IsTransient)
        {
            batch.Outcomes[delivery.Id] = await ReleaseAsync(delivery, claimed.Stamp, $"Teams is busy ({ex.Status}); will retry", ct);
            return null;
        }
        catch (DailyCapReachedException)
        {
            batch.Outcomes[delivery.Id] = await ReleaseAsync(delivery, claimed.Stamp, "the channel's daily message cap is reached; will retry", ct);
            return null;
        }
        catch (TeamsGraphException ex)
        {
            batch.Outcomes[delivery.Id] = await FailAsync(delivery, claimed.Stamp, $"Teams answered {ex.Status}: {ex.Reason}", ct);
            return null;
        }
        catch (TeamsAuthException ex)
        {
            await BreakConnectionAsync(delivery.ConnectionId, ex.Message, ct);
            batch.Outcomes[delivery.Id] = await FailAsync(delivery, claimed.Stamp, $"The Teams connection cannot sign in: {ex.Message}", ct);
            return null;
        }
        await faults.AfterPostAsync(delivery.Id);
        return (claimed, delivery with { Status = DeliveryStatus.Sent, SentAt = clock.GetUtcNow(), MessageId = messageId });
    }

    /// <summary>
    /// The Functions queue trigger's entry: a message's deliveries. One that cannot go now (another worker holds it,
    /// Teams is busy) is queued again for after the lease, so the runtime's own retries and poison queue are left for
    /// real crashes.
    /// </summary>
    public async Task HandleQueuedAsync(string message, CancellationToken ct)
    {
        var outcomes = await DeliverManyAsync(DeliveryMessage.Parse(message), ct);
        var again = Postponed(outcomes);
        if (again.Count > 0)
        {
            await queue.EnqueueLaterAsync(again, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
        }
    }

    /// <summary>The deliveries of a message that could not go now (busy or throttled) and come back later.</summary>
    public static IReadOnlyList<string> Postponed(IReadOnlyDictionary<string, DeliveryOutcome> outcomes) =>
        [.. outcomes.Where(o => o.Value is DeliveryOutcome.Busy or DeliveryOutcome.Retry).Select(o => o.Key)];

    /// <summary>The poison path of the Functions app: the queue gave up on this message.</summary>
    public async Task HandlePoisonAsync(string message, CancellationToken ct)
    {
        foreach (var id in DeliveryMessage.Parse(message))
        {
            await MarkFailedAsync(id, "The delivery crashed on every attempt and was moved to the poison queue.", ct);
        }
    }

    /// <summary>The poison path: the queue gave up on this message. A delivery not yet sent is marked failed.</summary>
    public async Task MarkFailedAsync(string deliveryId, string reason, CancellationToken ct)
    {
        var stored = await deliveries.GetAsync(deliveryId, ct);
        if (stored is null || stored.Delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Failed)
        {
            return;
        }
        await FailAsync(stored.Delivery, stored.Stamp, reason, ct);
    }

    /// <summary>Puts a failed delivery back to pending so that the queue replays it.</summary>
    public async Task<Delivery> RetryAsync(string deliveryId, CancellationToken ct)
    {
        var stored = await deliveries.GetAsync(deliveryId, ct) ?? throw new NotFoundException("Delivery", deliveryId);
        if (stored.Delivery.Status != DeliveryStatus.Failed)
        {
            throw new ConflictException($"Only a failed delivery can be retried; this one is {stored.Delivery.Status.ToString().ToLowerInvariant()}.");
        }
        var pending = stored.Delivery with { Status = DeliveryStatus.Pending, Reason = null };
        if (await deliveries.ReplaceAsync(deliveryId, stored.Stamp, pending, ct) is null)
        {
            throw new PreconditionFailedException("The delivery changed at the same time; read it again.");
        }
        await deliveries.AddCarriedAsync([pending], ct);
        await queue.EnqueueAsync(deliveryId, ct);
        logger.LogInformation("Delivery {DeliveryId} queued again by an operator", deliveryId);
        return pending;
    }

    /// <param name="message">Decompressed only for the post itself: hundreds of deliveries in hand wait for storage and the
    /// limiters meanwhile.</param>
    private async Task<string> PostOnceAsync(Delivery delivery, CompressedHtml message, bool everClaimed, CancellationToken ct)
    {
        var connection = await ConnectionAsync(delivery.ConnectionId!, ct)
            ?? throw new TeamsGraphException(404, null, $"the Teams connection {delivery.ConnectionId} no longer exists");
        if (connection.Status == TeamsConnectionStatus.Broken)
        {
            throw new TeamsAuthException(connection.BrokenReason ?? "the connection is broken");
        }
        var channelKey = ChannelKey.Of(delivery.TeamId, delivery.ChannelId);
        if (everClaimed && await FindPostedAsync(connection, delivery, channelKey, ct) is { } earlier)
        {
            logger.LogInformation("Delivery {DeliveryId} was already posted as {MessageId}; recording it", delivery.Id, earlier);
            return earlier;
        }
        if (!throttle.TryCountMessage(channelKey))
        {
            throw new DailyCapReachedException();
        }
        for (var attempt = 1; ; attempt++)
        {
            await throttle.AcquireAsync(channelKey, connection.TenantId, ct);
            try
            {
                return await channels.PostHtmlAsync(connection, delivery.TeamId, delivery.ChannelId, message.Text(), ct);
            }
            catch (TeamsGraphException ex) when (ex.IsTransient && attempt < settings.MaxAttempts)
            {
                var wait = ex.RetryAfter is { } after && after > TimeSpan.Zero
                    ? after
                    : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
                logger.LogWarning("Graph answered {Status} for delivery {DeliveryId}; retrying in {Wait}", ex.Status, delivery.Id, wait);
                await Task.Delay(wait, clock, ct);
                if (ex.Status != 429 && ex.Status != 503 && await FindPostedAsync(connection, delivery, channelKey, ct) is { } posted)
                {
                    return posted; // a timeout or gateway error can hide a post that went through
                }
            }
        }
    }

    private async Task<string?> FindPostedAsync(TeamsConnection connection, Delivery delivery, string channelKey, CancellationToken ct)
    {
        await throttle.AcquireAsync(channelKey, connection.TenantId, ct);
        return await channels.FindRecentMessageAsync(connection, delivery.TeamId, delivery.ChannelId, delivery.Marker, ct);
    }

    private async Task<string> KeepInOutboxAsync(Delivery delivery, string html, CancellationToken ct)
    {
        await outbox.SaveAsync(delivery.Id, TeamsRequest.PostMessage(teamsOptions.Value.GraphBaseUrl, delivery.TeamId, delivery.ChannelId, html), ct);
        return "outbox:" + delivery.Id;
    }

    /// <summary>
    /// Moves the subscriptions on past sent digests, in one transaction for the lot. Idempotent: a redelivery may run it
    /// again. (What a digest carried was recorded for the channel when it was composed.) A subscription deleted
    /// meanwhile is simply not there to record it: the message was due when it was composed.
    /// </summary>
    private async Task FinishAsync(IReadOnlyList<Delivery> sent, CancellationToken ct)
    {
        if (sent.Count == 0)
        {
            return;
        }
        var latest = sent.GroupBy(d => d.SubscriptionId, StringComparer.Ordinal).Select(g => g.MaxBy(d => d.ComposedAt)!);
        await subscriptions.MarkDeliveredManyAsync([.. latest.Select(d => (d.SubscriptionId, d.ComposedAt, d.Id))], ct);
    }

    private async Task<DeliveryOutcome> ReleaseAsync(Delivery claimed, string stamp, string reason, CancellationToken ct)
    {
        // Back to pending with the attempt counted: the next claim checks Teams for the marker before posting.
        await deliveries.ReplaceAsync(claimed.Id, stamp, claimed with { Status = DeliveryStatus.Pending, Reason = reason }, ct);
        logger.LogWarning("Delivery {DeliveryId} postponed: {Reason}", claimed.Id, reason);
        return DeliveryOutcome.Retry;
    }

    private async Task<DeliveryOutcome> FailAsync(Delivery delivery, string stamp, string reason, CancellationToken ct)
    {
        if (await deliveries.ReplaceAsync(delivery.Id, stamp, delivery with { Status = DeliveryStatus.Failed, Reason = reason }, ct) is not null)
        {
            // Never posted: what it would have carried is offered again by the subscription's next digest.
            await deliveries.RemoveCarriedAsync(delivery, ct);
        }
        logger.LogWarning("Delivery {DeliveryId} failed: {Reason}", delivery.Id, reason);
        try
        {
            await subscriptions.ChangeAsync(delivery.SubscriptionId, s =>
            {
                var failures = s.ConsecutiveFailures + 1;
                var pause = failures >= settings.FailuresBeforePause && !s.Paused;
                return s with
                {
                    ConsecutiveFailures = failures,
                    Paused = s.Paused || pause,
                    PausedReason = pause ? $"Paused after {failures} failed deliveries in a row; the last: {reason}" : s.PausedReason,
                };
            }, ct);
        }
        catch (NotFoundException)
        {
        }
        return DeliveryOutcome.Failed;
    }

    private async Task BreakConnectionAsync(string? connectionId, string reason, CancellationToken ct)
    {
        if (connectionId is null)
        {
            return;
        }
        connectionReads.TryRemove(connectionId, out _);
        if (await connections.FindAsync(connectionId, ct) is not { } connection)
        {
            return;
        }
        if (connection.Status != TeamsConnectionStatus.Broken)
        {
            await connections.MarkBrokenAsync(connection, reason, ct);
        }
        await subscriptions.PauseForConnectionAsync(connectionId, $"The Teams connection is broken: {reason}", ct);
    }

    private sealed class DailyCapReachedException : Exception;
}

/// <summary>A short, stable key for a (team, channel) pair, safe as a table partition key.</summary>
public static class ChannelKey
{
    public static string Of(string teamId, string channelId) => Hashing.Sha256Hex(teamId + "\n" + channelId)[..32];
}
