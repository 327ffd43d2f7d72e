using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Digests;

/// <summary>
/// The self-host's delivery worker: takes messages off the queue and delivers them concurrently, up to
/// <see cref="DigestOptions.WorkerConcurrency"/> at once (the rate limiters decide the pace).
/// </summary>
public sealed class DigestQueueRunner(IDeliveryQueue queue, DeliveryWorker worker, IOptions<DigestOptions> options, ILogger<DigestQueueRunner> logger)
{
    private readonly DigestOptions settings = options.Value;

    /// <summary>Delivers until the queue has no visible message left; returns how many messages were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(settings.WorkerConcurrency);
        var running = new List<Task>();
        var handled = 0;
        while (true)
        {
            var messages = await queue.ReceiveAsync(32, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
            if (messages.Count == 0)
            {
                if (running.Count == 0)
                {
                    return handled;
                }
                await Task.WhenAll(running);
                running.Clear();
                continue;
            }
            foreach (var message in messages)
            {
                await gate.WaitAsync(ct);
                handled++;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(message, ct);
                    }
                    finally
                    {
                        gate.Release();
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
                await worker.MarkFailedAsync(message.DeliveryId, $"Gave up after {message.DequeueCount - 1} attempts", ct);
                await queue.DeleteAsync(message, ct);
                return;
            }
            var outcome = await worker.DeliverAsync(message.DeliveryId, ct);
            if (outcome is not (DeliveryOutcome.Busy or DeliveryOutcome.Retry))
            {
                await queue.DeleteAsync(message, ct);
            }
            // Busy or Retry: the message stays invisible until its lease passes, then comes back.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivery {DeliveryId} crashed; its message comes back after the lease", message.DeliveryId);
        }
    }
}
