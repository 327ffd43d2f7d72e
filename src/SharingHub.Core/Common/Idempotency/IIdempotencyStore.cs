namespace SharingHub.Common.Idempotency;

/// <summary>Who holds an idempotency key: the resource created under it and a hash of the request that created it.</summary>
public sealed record IdempotencyClaim(bool IsNew, string ResourceId, string RequestHash);

public interface IIdempotencyStore
{
    /// <summary>Records that <paramref name="key"/> (within <paramref name="scope"/>) creates <paramref name="resourceId"/>, unless an earlier request holds it.</summary>
    Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, string resourceId, CancellationToken ct);
}
