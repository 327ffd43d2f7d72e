namespace SharingHub.Digests;

public interface IDeliveryStore
{
    /// <returns>false when a delivery with this id already exists.</returns>
    Task<bool> AddAsync(Delivery delivery, string html, CancellationToken ct);

    Task<StoredDelivery?> GetAsync(string id, CancellationToken ct);

    /// <returns>The new stamp, or null when someone else changed the delivery since it was read.</returns>
    Task<string?> ReplaceAsync(string id, string stamp, Delivery updated, CancellationToken ct);

    Task<IReadOnlyList<Delivery>> ListAsync(string? subscriptionId, DeliveryStatus? status, int limit, CancellationToken ct);

    /// <summary>The item keys already carried to a channel, from story id <paramref name="oldestStoryId"/> on (story ids are time-ordered).</summary>
    Task<IReadOnlySet<string>> GetCarriedAsync(string channelKey, string? oldestStoryId, CancellationToken ct);

    Task AddCarriedAsync(string channelKey, IReadOnlyList<string> itemKeys, string deliveryId, CancellationToken ct);
}
