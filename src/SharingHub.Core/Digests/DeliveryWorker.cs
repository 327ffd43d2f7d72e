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
/// Posts one delivery exactly once. The delivery row is the lock: a worker claims it (pending → sending, conditional
/// on the row's ETag), posts, then records sent. A worker that finds a delivery someone once claimed (a crash, an
/// expired lease, a retry) first looks in the channel for the message carrying the delivery's marker before posting.
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
    private readonly DigestOptions settings = options.Value;

    public async Task<DeliveryOutcome> DeliverAsync(string deliveryId, CancellationToken ct)
    {
        var stored = await deliveries.GetAsync(deliveryId, ct);
        if (stored is null)
        {
            logger.LogWarning("Delivery {DeliveryId} does not exist; dropping its message", deliveryId);
            return DeliveryOutcome.Missing;
        }
        var delivery = stored.Delivery;
        var now = clock.GetUtcNow();
        switch (delivery.Status)
        {
            case DeliveryStatus.Sent:
                await FinishAsync(delivery, ct); // a crash after recording may have left the bookkeeping undone
                return DeliveryOutcome.AlreadyDone;
            case DeliveryStatus.Failed:
                return DeliveryOutcome.AlreadyDone;
            case DeliveryStatus.Sending when delivery.ClaimedAt + TimeSpan.FromSeconds(settings.LeaseSeconds) > now:
                return DeliveryOutcome.Busy;
        }

        var claimed = delivery with { Status = DeliveryStatus.Sending, ClaimedAt = now, Attempts = delivery.Attempts + 1, Reason = null };
        var stamp = await deliveries.ReplaceAsync(deliveryId, stored.Stamp, claimed, ct);
        if (stamp is null)
        {
            logger.LogInformation("Delivery {DeliveryId} was claimed by another worker", deliveryId);
            return DeliveryOutcome.Busy;
        }
        await faults.AfterClaimAsync(deliveryId);

        string messageId;
        try
        {
            messageId = claimed.Outbox
                ? await KeepInOutboxAsync(claimed, stored.Html, ct)
                : await PostOnceAsync(claimed, stored.Html, everClaimed: delivery.Attempts > 0, ct);
        }
        catch (TeamsGraphException ex) when (ex.IsTransient)
        {
            return await ReleaseAsync(claimed, stamp, $"Teams is busy ({ex.Status}); will retry", ct);
        }
        catch (DailyCapReachedException)
        {
            return await ReleaseAsync(claimed, stamp, "the channel's daily message cap is reached; will retry", ct);
        }
        catch (TeamsGraphException ex)
        {
            return await FailAsync(claimed, stamp, $"Teams answered {ex.Status}: {ex.Reason}", ct);
        }
        catch (TeamsAuthException ex)
        {
            await BreakConnectionAsync(claimed.ConnectionId, ex.Message, ct);
            return await FailAsync(claimed, stamp, $"The Teams connection cannot sign in: {ex.Message}", ct);
        }
        await faults.AfterPostAsync(deliveryId);

        var sent = claimed with { Status = DeliveryStatus.Sent, SentAt = clock.GetUtcNow(), MessageId = messageId };
        if (await deliveries.ReplaceAsync(deliveryId, stamp, sent, ct) is null)
        {
            // Our lease ran out and another worker took over; it finds our message by its marker and records it.
            logger.LogWarning("Delivery {DeliveryId} was taken over before it could be recorded", deliveryId);
            return DeliveryOutcome.Busy;
        }
        await FinishAsync(sent, ct);
        logger.LogInformation("Delivered digest {DeliveryId} to channel {ChannelId} as message {MessageId}", deliveryId, sent.ChannelId, messageId);
        return DeliveryOutcome.Sent;
    }

    /// <summary>
    /// The Functions queue trigger's entry. A delivery that cannot go now (another worker holds it, Teams is busy) is
    /// queued again for after the lease, so the runtime's own retries and poison queue are left for real crashes.
    /// </summary>
    public async Task HandleQueuedAsync(string deliveryId, CancellationToken ct)
    {
        var outcome = await DeliverAsync(deliveryId, ct);
        if (outcome is DeliveryOutcome.Busy or DeliveryOutcome.Retry)
        {
            await queue.EnqueueLaterAsync(deliveryId, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
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

    private async Task<string> PostOnceAsync(Delivery delivery, string html, bool everClaimed, CancellationToken ct)
    {
        var connection = await connections.FindAsync(delivery.ConnectionId!, ct)
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
                return await channels.PostHtmlAsync(connection, delivery.TeamId, delivery.ChannelId, html, ct);
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
    /// Moves the subscription on past a sent digest. Idempotent: a redelivery may run it again. (What the digest carried
    /// was recorded for the channel when it was composed.)
    /// </summary>
    private async Task FinishAsync(Delivery sent, CancellationToken ct) =>
        // A subscription deleted meanwhile is simply not there to record it: the message was due when it was composed.
        await subscriptions.MarkDeliveredAsync(sent.SubscriptionId, sent.ComposedAt, sent.Id, ct);

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
        if (connectionId is null || await connections.FindAsync(connectionId, ct) is not { } connection)
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
