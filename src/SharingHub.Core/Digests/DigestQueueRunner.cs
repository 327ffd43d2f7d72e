using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Digests;

/// <summary>
/// The self-host's delivery worker: takes messages off the queue and delivers their deliveries concurrently, up to
/// <see cref="DigestOptions.WorkerConcurrency"/> deliveries at once (the rate limiters decide the pace).
/// </summary>
public sealed class DigestQueueRunner(
    IDeliveryQueue queue, DeliveryWorker worker, DeliveryQueueSignal signal, IOptions<DigestOptions> options, ILogger<DigestQueueRunner> logger)
{
    private readonly DigestOptions settings = options.Value;

    /// <summary>Delivers until the queue has no visible message left; returns how many messages were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var concurrency = Math.Max(1, settings.WorkerConcurrency);
        using var gate = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        var handled = 0;
        while (true)
        {
            var queued = signal.Next; // read before receiving, so a message queued meanwhile is not missed
            // No more messages than there is room for: the rest stay on the queue, for this loop later or another worker.
            var room = Math.Clamp(gate.CurrentCount / DeliveryMessage.MaxIds, 1, 32);
            var messages = await queue.ReceiveAsync(room, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
            if (messages.Count == 0)
            {
                if (running.Count == 0)
                {
                    return handled;
                }
                // While a round in this process is still queueing, its next messages are taken as they come rather than
                // after every delivery in hand is done: the posts keep going at the limiters' pace.
                var all = Task.WhenAll(running);
                await Task.WhenAny(all, queued);
                if (all.IsCompleted)
                {
                    await all;
                    running.Clear();
                }
                continue;
            }
            foreach (var message in messages)
            {
                // A message takes a place per delivery. Only this loop waits on the gate, so places are never split
                // between two messages waiting for each other.
                var places = Math.Clamp(message.DeliveryIds.Count, 1, concurrency);
                for (var i = 0; i < places; i++)
                {
                    await gate.WaitAsync(ct);
                }
                handled++;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(message, ct);
                    }
                    finally
                    {
                        gate.Release(places);
                    }
                }, ct));
            }
            running.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task HandleAsync(QueuedDelivery message, CancellationToken ct)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                foreach (var id in message.DeliveryIds)
                {
                    await worker.MarkFailedAsync(id, $"Gave up after {message.DequeueCount - 1} attempts", ct);
                }
                await queue.DeleteAsync(message, ct);
                return;
            }
            var again = DeliveryWorker.Postponed(await worker.DeliverManyAsync(message.DeliveryIds, ct));
            if (again.Count == message.DeliveryIds.Count && again.Count > 0)
            {
                return; // none could go now: the message stays invisible until its lease passes, then comes back
            }
            if (again.Count > 0)
            {
                await queue.EnqueueLaterAsync(again, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
            }
            await queue.DeleteAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Deliveries {DeliveryIds} crashed; their message comes back after the lease", string.Join(',', message.DeliveryIds));
        }
    }
}
