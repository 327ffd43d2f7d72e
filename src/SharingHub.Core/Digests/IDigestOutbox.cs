using SharingHub.Teams;

namespace SharingHub.Digests;

/// <summary>Outbox mode: the exact Graph request a delivery would send, kept instead of sent.</summary>
public interface IDigestOutbox
{
    Task SaveAsync(string id, TeamsRequest request, CancellationToken ct);

    /// <returns>The request as JSON, or null.</returns>
    Task<string?> GetAsync(string id, CancellationToken ct);

    /// <summary>The ids of every kept request, for erasure.</summary>
    IAsyncEnumerable<string> IdsAsync(CancellationToken ct);
}
