using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Search;

/// <summary>
/// Applies change notices to the index and publishes a new snapshot. The order is what makes it lose nothing: take
/// notices (they stay invisible for a lease), apply them to the current snapshot, publish the result only if nobody
/// published meanwhile (ETag), and delete the notices only then. Stopped anywhere, the notices come back and are applied
/// again; applying one twice gives the same index (a document is replaced by its key, never added beside itself).
/// </summary>
public sealed class SearchIndexer(
    ISearchNoticeQueue queue,
    ISnapshotStore snapshots,
    SearchContentSource content,
    SearchIndexHolder holder,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexer> logger)
{
    private const int MaxPublishAttempts = 5;
    private readonly SearchOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly NorwegianAnalysis analysis = NorwegianAnalysis.ForIndex();
    private bool snapshotSeen;
    private IndexSnapshotBlob? lastPublished;

    /// <summary>One cycle of the self-host's indexer: the queued notices (and a first snapshot if there is none) in one snapshot.</summary>
    /// <returns>How many notices were applied.</returns>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var messages = await queue.ReceiveAsync(settings.MaxNoticesPerCycle, Lease, ct);
            if (messages.Count == 0 && (snapshotSeen || await snapshots.GetETagAsync(ct) is not null))
            {
                snapshotSeen = true;
                return 0;
            }
            await ApplyAndPublishAsync(Notices(messages), ct);
            snapshotSeen = true;
            foreach (var message in messages)
            {
                await queue.DeleteAsync(message, ct);
            }
            return messages.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The Functions app's queue trigger: <paramref name="triggered"/> and whatever else is queued, in one snapshot. The
    /// host deletes the triggering message when this returns, which is after publishing.
    /// </summary>
    public async Task HandleQueuedAsync(string triggered, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var more = await queue.ReceiveAsync(settings.MaxNoticesPerCycle - 1, Lease, ct);
            var notices = Notices(more);
            if (SearchNotice.Parse(triggered) is { } notice)
            {
                notices.Add(notice);
            }
            else
            {
                logger.LogWarning("Dropped a search notice that is not one: {Text}", triggered);
            }
            await ApplyAndPublishAsync(notices, ct);
            foreach (var message in more)
            {
                await queue.DeleteAsync(message, ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private TimeSpan Lease => TimeSpan.FromSeconds(settings.NoticeLeaseSeconds);

    private List<SearchNotice> Notices(IEnumerable<QueuedNotice> messages)
    {
        var notices = new List<SearchNotice>();
        foreach (var message in messages)
        {
            if (message.Notice is { } notice)
            {
                notices.Add(notice);
            }
            else
            {
                logger.LogWarning("Dropped a search notice that is not one: {Text}", message.Text);
            }
        }
        return notices;
    }

    /// <summary>Applies the notices to the newest snapshot (a rebuild when asked, or when there is none) and publishes.</summary>
    private async Task ApplyAndPublishAsync(IReadOnlyList<SearchNotice> notices, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The snapshot this indexer published last is still current unless another indexer published since.
            var current = lastPublished is { } mine && await snapshots.GetETagAsync(ct) == mine.ETag ? mine : await snapshots.DownloadAsync(ct);
            var rebuild = current is null || notices.Any(n => n.IsRebuild);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var directory = rebuild ? new RAMDirectory() : IndexSnapshot.Read(current!.Content);
            var documents = await ApplyAsync(directory, rebuild, notices, ct);
            var bytes = IndexSnapshot.Write(directory);
            try
            {
                var etag = await snapshots.PublishAsync(bytes, current?.ETag, ct);
                lastPublished = new IndexSnapshotBlob(bytes, etag);
                holder.Install(bytes, etag);
                logger.LogInformation("Published search snapshot {ETag}: {Notices} notices, {Kind}, {Documents} documents, {Bytes} bytes in {Ms} ms",
                    etag, notices.Count, rebuild ? "rebuilt" : "updated", documents, bytes.Length, watch.ElapsedMilliseconds);
                return;
            }
            catch (SnapshotConflictException) when (attempt < MaxPublishAttempts)
            {
                logger.LogInformation("Another indexer published first; applying {Notices} notices again on its snapshot", notices.Count);
            }
        }
    }

    private async Task<int> ApplyAsync(Lucene.Net.Store.Directory directory, bool rebuild, IReadOnlyList<SearchNotice> notices, CancellationToken ct)
    {
        var config = new IndexWriterConfig(NorwegianAnalysis.Version, analysis)
        {
            OpenMode = rebuild ? OpenMode.CREATE : OpenMode.APPEND,
        };
        using var writer = new IndexWriter(directory, config);
        if (rebuild)
        {
            await RebuildAsync(writer, ct);
        }
        else
        {
            foreach (var notice in notices)
            {
                foreach (var id in notice.Ids)
                {
                    if (notice.Kind == SearchNotice.StoryKind)
                    {
                        await ApplyStoryAsync(writer, id, ct);
                    }
                    else
                    {
                        await ApplyEpisodeAsync(writer, id, ct);
                    }
                }
            }
        }
        writer.Commit();
        return writer.NumDocs;
    }

    private async Task RebuildAsync(IndexWriter writer, CancellationToken ct)
    {
        foreach (var story in await content.AllPublishedStoriesAsync(ct))
        {
            writer.AddDocument(SearchDocuments.Story(story));
        }
        await foreach (var id in content.AllEpisodeIdsAsync(ct))
        {
            await ApplyEpisodeAsync(writer, id, ct);
        }
    }

    private async Task ApplyStoryAsync(IndexWriter writer, string id, CancellationToken ct)
    {
        var story = await content.PublishedStoryAsync(id, ct);
        writer.DeleteDocuments(new Term(SearchFields.Entity, SearchDocuments.StoryEntity(id)));
        if (story is not null)
        {
            writer.AddDocument(SearchDocuments.Story(story));
        }
    }

    private async Task ApplyEpisodeAsync(IndexWriter writer, string id, CancellationToken ct)
    {
        var episode = await content.PublishedEpisodeAsync(id, ct);
        writer.DeleteDocuments(new Term(SearchFields.Entity, SearchDocuments.EpisodeEntity(id)));
        if (episode is { } found)
        {
            writer.AddDocuments(SearchDocuments.Episode(found.Webinar, found.Transcript));
        }
    }
}
