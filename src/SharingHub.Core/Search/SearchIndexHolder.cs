using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Search;

/// <summary>
/// The index this instance answers searches from: the newest published snapshot, in memory. At most every
/// <see cref="SearchOptions.SnapshotCheckSeconds"/> a search asks for the blob's ETag; a newer snapshot is loaded in the
/// background and swapped in atomically, while searches that already hold the old one finish on it.
/// With no snapshot at all, it asks the indexer for a rebuild and answers from an empty index meanwhile.
/// </summary>
public sealed class SearchIndexHolder(ISnapshotStore snapshots, ISearchNoticeQueue notices, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexHolder> logger)
{
    private static readonly TimeSpan RebuildRequestInterval = TimeSpan.FromMinutes(1);
    private readonly TimeSpan checkInterval = TimeSpan.FromSeconds(options.Value.SnapshotCheckSeconds);
    private readonly Lock swap = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private Loaded? current;
    private DateTimeOffset nextCheck = DateTimeOffset.MinValue;
    private DateTimeOffset nextRebuildRequest = DateTimeOffset.MinValue;

    /// <summary>The ETag of the snapshot searches use now (null before the first one is loaded).</summary>
    public string? ETag => Volatile.Read(ref current)?.ETag;

    /// <summary>A searcher over the newest snapshot, held until disposed; null while no snapshot exists yet.</summary>
    public async Task<SearcherLease?> AcquireAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref current) is null)
        {
            await RefreshAsync(ct); // the first search on this instance waits for the index
        }
        else if (now >= nextCheck && refreshing.CurrentCount > 0)
        {
            _ = Task.Run(() => RefreshAsync(CancellationToken.None), CancellationToken.None);
        }
        while (Volatile.Read(ref current) is { } loaded)
        {
            if (loaded.Reader.TryIncRef())
            {
                return new SearcherLease(loaded.Searcher, loaded.Reader);
            }
        }
        return null;
    }

    /// <summary>Takes a snapshot this process just published, so its own searches need not download it.</summary>
    public void Install(byte[] snapshot, string etag) => Swap(Open(snapshot, etag));

    private async Task RefreshAsync(CancellationToken ct)
    {
        if (!await refreshing.WaitAsync(0, ct) && !await refreshing.WaitAsync(TimeSpan.FromSeconds(30), ct))
        {
            return;
        }
        try
        {
            var now = clock.GetUtcNow();
            if (now < nextCheck && current is not null)
            {
                return;
            }
            nextCheck = now + checkInterval;
            var etag = await snapshots.GetETagAsync(ct);
            if (etag is null)
            {
                await RequestRebuildAsync(now, ct);
                return;
            }
            if (etag == current?.ETag)
            {
                return;
            }
            var snapshot = await snapshots.DownloadAsync(ct);
            if (snapshot is not null && snapshot.ETag != current?.ETag)
            {
                Swap(Open(snapshot.Content, snapshot.ETag));
                logger.LogInformation("Search now answers from snapshot {ETag} ({Bytes} bytes)", snapshot.ETag, snapshot.Content.Length);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && current is not null)
        {
            logger.LogError(ex, "Could not load the newest search snapshot; answering from {ETag} meanwhile", current.ETag);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task RequestRebuildAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now < nextRebuildRequest)
        {
            return;
        }
        nextRebuildRequest = now + RebuildRequestInterval;
        logger.LogWarning("No search snapshot exists; asking the indexer to build one");
        await notices.SendAsync(SearchNotice.Rebuild, ct);
    }

    private static Loaded Open(byte[] snapshot, string etag)
    {
        var reader = DirectoryReader.Open(IndexSnapshot.Read(snapshot));
        FacetCounter.Warm(reader);
        return new Loaded(reader, new IndexSearcher(reader), etag);
    }

    private void Swap(Loaded next)
    {
        Loaded? previous;
        lock (swap)
        {
            previous = current;
            Volatile.Write(ref current, next);
        }
        previous?.Reader.DecRef(); // closes once the last search on it lets go
    }

    private sealed record Loaded(DirectoryReader Reader, IndexSearcher Searcher, string ETag);
}

/// <summary>A searcher kept open for one search; disposing lets a replaced snapshot close.</summary>
public sealed class SearcherLease(IndexSearcher searcher, IndexReader reader) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => reader.DecRef();
}
