using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Feeds;

/// <summary>
/// The scheduled work: poll every due source now, a few at a time. One source failing in any way never stops the others.
/// The self-host runs it from <see cref="FeedPollingService"/>, the Functions app from a timer trigger, tests directly.
/// </summary>
public sealed class FeedPollingJob(IFeedSourceStore store, FeedPoller poller, TimeProvider clock, IOptions<FeedOptions> options, ILogger<FeedPollingJob> logger)
{
    private const int MaxSourcesPerRound = 500;

    /// <returns>The number of sources polled.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await store.DueAsync(now, MaxSourcesPerRound, ct);
        var polled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct }, async (entry, token) =>
        {
            try
            {
                var source = await store.GetAsync(entry.Network, entry.Id, token);
                if (source is null || source.NextDueAt != entry.DueAt)
                {
                    await store.ForgetDueAsync(entry, token);
                    return;
                }
                await poller.PollAsync(source, token);
                Interlocked.Increment(ref polled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                logger.LogError(ex, "Feed source {SourceId} of network {Network} could not be polled", entry.Id, entry.Network);
            }
        });
        if (polled > 0)
        {
            logger.LogInformation("Feed round polled {Count} of {Due} due sources", polled, due.Count);
        }
        return polled;
    }
}
