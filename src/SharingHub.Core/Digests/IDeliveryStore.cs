namespace SharingHub.Digests;

public interface IDeliveryStore
{
    /// <returns>false when a delivery with this id already exists.</returns>
    Task<bool> AddAsync(Delivery delivery, string html, CancellationToken ct);

    Task<StoredDelivery?> GetAsync(string id, CancellationToken ct);

    /// <returns>The new stamp, or null when someone else changed the delivery since it was read.</returns>
    Task<string?> ReplaceAsync(string id, string stamp, Delivery updated, CancellationToken ct);

    Task<IReadOnlyList<Delivery>> ListAsync(string? subscriptionId, DeliveryStatus? status, int limit, CancellationToken ct);

    /// <summary>
    /// The item keys carried to a channel by digests composed at or after <paramref name="since"/>: only those can hold
    /// an item published since then. One row per digest, so the cost grows with the channel's recent digests.
    /// </summary>
    Task<IReadOnlySet<string>> GetCarriedAsync(string channelKey, DateTimeOffset since, CancellationToken ct);

    Task AddCarriedAsync(string channelKey, Delivery delivery, CancellationToken ct);
}
