using Microsoft.Extensions.Logging;

namespace SharingHub.Search;

/// <summary>
/// A change the index must take in: "story:{id},{id}…", "episode:{id}" or "rebuild". A notice names what changed, never
/// how: the indexer reads the current state, so notices can repeat, come late or out of order and the result is the same.
/// </summary>
public sealed record SearchNotice(string Kind, IReadOnlyList<string> Ids)
{
    public const string StoryKind = "story";
    public const string EpisodeKind = "episode";
    public const string RebuildKind = "rebuild";

    /// <summary>Ids per message: 1,500 ids of 32 characters stay well under a queue message's 64 KiB.</summary>
    public const int MaxIds = 1_500;

    public static SearchNotice Rebuild { get; } = new(RebuildKind, []);

    public static SearchNotice Story(string id) => new(StoryKind, [id]);

    public static SearchNotice Episode(string id) => new(EpisodeKind, [id]);

    public bool IsRebuild => Kind == RebuildKind;

    public override string ToString() => Ids.Count == 0 ? Kind : $"{Kind}:{string.Join(',', Ids)}";

    /// <returns>null for text that is no notice (it is dropped, not retried).</returns>
    public static SearchNotice? Parse(string text)
    {
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? text.Trim() : text[..colon].Trim();
        var ids = colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return kind switch
        {
            RebuildKind => Rebuild,
            StoryKind or EpisodeKind when ids.Length > 0 && ids.All(IsId) => new SearchNotice(kind, ids),
            _ => null,
        };
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>A notice taken off the queue: it stays invisible to others for the lease, and is deleted after publishing.</summary>
public sealed record QueuedNotice(string Text, string MessageId, string PopReceipt, long DequeueCount)
{
    public SearchNotice? Notice { get; } = SearchNotice.Parse(Text);
}

/// <summary>The indexer's inbox. Stories and Webinars send to it after a change is stored.</summary>
public interface ISearchNoticeQueue
{
    Task SendAsync(SearchNotice notice, CancellationToken ct);

    Task<IReadOnlyList<QueuedNotice>> ReceiveAsync(int max, TimeSpan lease, CancellationToken ct);

    /// <summary>Removes a notice; one whose lease ran out and was taken again is left to whoever holds it now.</summary>
    Task DeleteAsync(QueuedNotice message, CancellationToken ct);

    /// <summary>Moves a notice that failed every attempt to the poison queue (the self-host's counterpart of the Functions host's).</summary>
    Task MoveToPoisonAsync(QueuedNotice message, CancellationToken ct);
}

public static class SearchNoticeQueueExtensions
{
    /// <summary>
    /// Tells the indexer that stories or an episode changed, after the change is stored. A failure is logged, not thrown:
    /// the change itself succeeded, and a rebuild (POST /api/search/rebuild) repairs an index that missed it.
    /// </summary>
    public static async Task NotifyAsync(this ISearchNoticeQueue queue, string kind, IReadOnlyCollection<string> ids, ILogger logger, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(SearchNotice.MaxIds))
        {
            try
            {
                await queue.SendAsync(new SearchNotice(kind, chunk), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "SEARCH NOTICE LOST for {Kind} {Ids}: the index misses this change until the next rebuild", kind, string.Join(',', chunk));
            }
        }
    }
}
