namespace SharingHub.Webinars;

/// <summary>An episode as read from storage, with the opaque stamp a conditional write needs.</summary>
public sealed record StoredWebinar(Webinar Webinar, string Stamp);

public interface IWebinarStore
{
    Task<StoredWebinar?> GetAsync(string id, CancellationToken ct);

    Task CreateAsync(Webinar webinar, CancellationToken ct);

    /// <returns>false when the stored episode changed since <paramref name="previous"/> was read.</returns>
    Task<bool> ReplaceAsync(StoredWebinar previous, Webinar updated, CancellationToken ct);

    /// <summary>Episodes starting in [from, to), oldest first, optionally of one status. Cost grows with the result.</summary>
    Task<IReadOnlyList<Webinar>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, WebinarStatus? status, int limit, CancellationToken ct);

    /// <summary>Every episode's id: a full scan, for the rare work that must look everywhere (erasure requests).</summary>
    IAsyncEnumerable<string> AllIdsAsync(CancellationToken ct);
}
