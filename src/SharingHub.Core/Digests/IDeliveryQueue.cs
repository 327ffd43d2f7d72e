namespace SharingHub.Digests;

/// <summary>The queue of due deliveries: each message is a delivery id.</summary>
public interface IDeliveryQueue
{
    Task EnqueueAsync(string deliveryId, CancellationToken ct);

    /// <summary>Queues a delivery that becomes visible only after <paramref name="delay"/>.</summary>
    Task EnqueueLaterAsync(string deliveryId, TimeSpan delay, CancellationToken ct);

    Task<IReadOnlyList<QueuedDelivery>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct);

    Task DeleteAsync(QueuedDelivery message, CancellationToken ct);
}

public sealed record QueuedDelivery(string DeliveryId, string MessageId, string PopReceipt, long DequeueCount);
