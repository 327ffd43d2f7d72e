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

    /// <summary>Attempts before a notice is given up, as host.json's maxDequeueCount for the Functions host.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// One cycle of the self-host's indexer: the queued notices (and a first snapshot if there is none) in one snapshot.
    /// A notice past <see cref="MaxAttempts"/> goes to the poison queue, as the Functions host's would. A notice that
    /// failed before is not retried only together with the others: when a set holding one fails, it is halved until the
    /// notice that fails is alone, and the others are published without it.
    /// </summary>
    /// <returns>How many notices were applied or given up.</returns>
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
            var live = new List<QueuedNotice>();
            foreach (var message in messages)
            {
                if (message.DequeueCount > MaxAttempts)
                {
                    await queue.MoveToPoisonAsync(message, ct);
                    await GaveUpAsync(message.Text, ct);
                }
                else
                {
                    live.Add(message);
                }
            }
            var handled = messages.Count - live.Count;
            if (live.Count > 0 || handled == 0)
            {
                handled += await ApplyAsync(live, isolate: live.Any(m => m.DequeueCount > 1), ct);
            }
            return handled;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A notice that failed every attempt (the Functions app's poison queue trigger; the self-host calls it after moving the
    /// notice to the poison queue): a rebuild takes in whatever it was about, unless the notice was a rebuild itself.
    /// </summary>
    public async Task GaveUpAsync(string text, CancellationToken ct)
    {
        logger.LogError("SEARCH NOTICE GIVEN UP after {Attempts} attempts: {Text}; it is in {Queue}", MaxAttempts, text, StorageSearchNoticeQueue.PoisonQueueName);
        if (SearchNotice.Parse(text) is { IsRebuild: false })
        {
            await queue.SendAsync(SearchNotice.Rebuild, ct);
        }
    }

    /// <summary>Applies and publishes the notices, then deletes them; with <paramref name="isolate"/>, a failing set is halved.</summary>
    private async Task<int> ApplyAsync(List<QueuedNotice> messages, bool isolate, CancellationToken ct)
    {
        try
        {
            await ApplyAndPublishAsync(Notices(messages), ct);
            snapshotSeen = true;
            foreach (var message in messages)
            {
                await queue.DeleteAsync(message, ct);
            }
            return messages.Count;
        }
        catch (Exception ex) when (isolate && ex is not OperationCanceledException)
        {
            if (messages.Count == 1)
            {
                logger.LogError(ex, "Search notice {Text} failed (attempt {Attempt} of {Max}); it comes back after its lease", messages[0].Text, messages[0].DequeueCount, MaxAttempts);
                return 0;
            }
            logger.LogWarning(ex, "Applying {Count} search notices failed; applying them in halves to set the failing one apart", messages.Count);
            var half = messages.Count / 2;
            return await ApplyAsync(messages[..half], isolate, ct) + await ApplyAsync(messages[half..], isolate, ct);
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
