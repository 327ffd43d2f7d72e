namespace SharingHub.Digests;

/// <summary>The queue of due deliveries: each message carries the ids of one or more deliveries (<see cref="DeliveryMessage"/>).</summary>
public interface IDeliveryQueue
{
    Task EnqueueAsync(string deliveryId, CancellationToken ct);

    /// <summary>Queues deliveries, up to <see cref="DeliveryMessage.MaxIds"/> to a message, the messages in parallel.</summary>
    Task EnqueueAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken ct);

    /// <summary>Queues deliveries that become visible only after <paramref name="delay"/>.</summary>
    Task EnqueueLaterAsync(IReadOnlyCollection<string> deliveryIds, TimeSpan delay, CancellationToken ct);

    Task<IReadOnlyList<QueuedDelivery>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct);

    Task DeleteAsync(QueuedDelivery message, CancellationToken ct);
}

/// <summary>One queue message: the deliveries it carries and what deleting it takes.</summary>
public sealed record QueuedDelivery(IReadOnlyList<string> DeliveryIds, string MessageId, string PopReceipt, long DequeueCount);
