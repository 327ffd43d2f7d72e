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
}
