namespace SharingHub.Subscriptions;

/// <summary>A subscription as read, with the opaque stamp a conditional write needs.</summary>
public sealed record StoredSubscription(Subscription Subscription, string Stamp);

public interface ISubscriptionStore
{
    Task<StoredSubscription?> GetAsync(string id, CancellationToken ct);

    Task CreateAsync(Subscription subscription, CancellationToken ct);

    /// <returns>false when someone else changed it since it was read.</returns>
    Task<bool> ReplaceAsync(StoredSubscription previous, Subscription updated, CancellationToken ct);

    Task<bool> DeleteAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken ct);

    /// <summary>
    /// Records the occurrence the due-job handled for each subscription, unconditionally and in few transactions:
    /// it touches only that field, so it never competes with the worker recording a delivery. A deleted one is skipped.
    /// </summary>
    Task MarkScheduledAsync(IReadOnlyList<(string Id, DateTimeOffset Through)> marks, CancellationToken ct);

    /// <summary>
    /// Records a delivered digest (covered through, its id, no failures in a row) the same way: one unconditional merge
    /// of those fields, which the worker does for every digest it posts.
    /// </summary>
    /// <returns>false when the subscription no longer exists.</returns>
    Task<bool> MarkDeliveredAsync(string id, DateTimeOffset deliveredThrough, string deliveryId, CancellationToken ct);

    /// <summary>
    /// The same for many delivered digests (one each per subscription), in few transactions, as a worker records the
    /// deliveries of one queue message. A deleted subscription is skipped.
    /// </summary>
    Task MarkDeliveredManyAsync(IReadOnlyList<(string Id, DateTimeOffset DeliveredThrough, string DeliveryId)> marks, CancellationToken ct);
}
