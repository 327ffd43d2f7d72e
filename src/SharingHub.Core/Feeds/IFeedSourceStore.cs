namespace SharingHub.Feeds;

public interface IFeedSourceStore
{
    Task<FeedSource?> GetAsync(string network, string id, CancellationToken ct);

    Task<IReadOnlyList<FeedSource>> ListAsync(string network, CancellationToken ct);

    Task AddAsync(FeedSource source, CancellationToken ct);

    /// <summary>Replaces the source if it is still at <paramref name="previous"/>'s version; false when someone changed it meanwhile.</summary>
    Task<bool> ReplaceAsync(FeedSource previous, FeedSource updated, CancellationToken ct);

    Task<bool> DeleteAsync(FeedSource source, CancellationToken ct);

    /// <summary>Sources due at <paramref name="now"/> (as the due index has them), earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DueSource>> DueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Drops a due-index row that no longer matches its source (deleted, or rescheduled by a write that failed half-way).</summary>
    Task ForgetDueAsync(DueSource due, CancellationToken ct);

    Task AddPollAsync(string network, FeedPoll poll, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<FeedPoll>> ListPollsAsync(string network, string sourceId, int limit, CancellationToken ct);

    /// <summary>Passes every poll record of every source through <paramref name="rewrite"/> and stores those it changed (erasure: rare, reads them all).</summary>
    /// <returns>How many records changed.</returns>
    Task<int> RewritePollsAsync(Func<FeedPoll, FeedPoll> rewrite, CancellationToken ct);
}

/// <summary>A row of the due index: which source, and the due time the row was written for.</summary>
public sealed record DueSource(string Network, string Id, DateTimeOffset DueAt);
