namespace SharingHub.Digests;

public interface IDeliveryStore
{
    /// <summary>Adds many deliveries in as few transactions as their keys allow.</summary>
    /// <returns>The ids this call added; the others existed already.</returns>
    Task<IReadOnlySet<string>> AddManyAsync(IReadOnlyList<(Delivery Delivery, CompressedHtml Html)> deliveries, CancellationToken ct);

    Task<StoredDelivery?> GetAsync(string id, CancellationToken ct);

    /// <summary>
    /// Those of <paramref name="ids"/> that exist, with their messages and stamps. Deliveries whose rows lie next to
    /// each other (a round queues them so) come in one range read per period; the rest are read one by one.
    /// </summary>
    Task<IReadOnlyDictionary<string, StoredDelivery>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that exist, read with one query per period rather than one read each.</summary>
    Task<IReadOnlyDictionary<string, Delivery>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <returns>The new stamp, or null when someone else changed the delivery since it was read.</returns>
    Task<string?> ReplaceAsync(string id, string stamp, Delivery updated, CancellationToken ct);

    /// <summary>
    /// Conditional changes of many deliveries, in one transaction per period (up to 100): all of a transaction or none.
    /// </summary>
    /// <returns>For each id its new stamp, or null when one of its transaction's deliveries changed since it was read.</returns>
    Task<IReadOnlyDictionary<string, string?>> ReplaceManyAsync(IReadOnlyList<(string Id, string Stamp, Delivery Updated)> changes, CancellationToken ct);

    Task<IReadOnlyList<Delivery>> ListAsync(string? subscriptionId, DeliveryStatus? status, int limit, CancellationToken ct);

    /// <summary>
    /// What digests composed at or after <paramref name="since"/> carried, for every channel, in one read: only those
    /// digests can hold an item published since then.
    /// </summary>
    Task<CarriedItems> GetCarriedAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>Records what these digests carry to their channels (idempotent).</summary>
    Task AddCarriedAsync(IReadOnlyList<Delivery> deliveries, CancellationToken ct);

    /// <summary>Forgets what a digest that was never posted carried, so a later digest offers those items again.</summary>
    Task RemoveCarriedAsync(Delivery delivery, CancellationToken ct);

    /// <summary>Every delivery with its message, for erasure (rare, so it reads the whole table).</summary>
    IAsyncEnumerable<StoredDelivery> AllAsync(CancellationToken ct);

    /// <summary>Replaces a delivery's message, leaving everything else as it is.</summary>
    /// <returns>false when someone changed the delivery since it was read.</returns>
    Task<bool> ReplaceHtmlAsync(string id, string stamp, string html, CancellationToken ct);
}
