namespace SharingHub.Access;

public interface IAccessKeyStore
{
    Task AddAsync(AccessKey key, string keyHash, CancellationToken ct);

    /// <summary>The record and the stored hash, or null.</summary>
    Task<(AccessKey Key, string Hash)?> GetAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken ct);

    /// <summary>Marks the key revoked (the record stays for the audit trail). False if it does not exist.</summary>
    Task<AccessKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct);
}
