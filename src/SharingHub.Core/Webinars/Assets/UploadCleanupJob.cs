using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// Removes uploads never completed once their URL has expired (plus a grace period), and any file written to a rejected
/// asset's blob while its URL was still valid; queues again the check of an asset still verifying long after complete
/// (its queue message was lost). The self-host runs it on a timer, the Functions app from a TimerTrigger.
/// </summary>
public sealed class UploadCleanupJob(
    IAssetStore store,
    IAssetBlobs blobs,
    IAssetCheckQueue checks,
    IOptions<WebinarOptions> options,
    TimeProvider clock,
    ILogger<UploadCleanupJob> logger)
{
    private const int BatchSize = 200;

    /// <returns>How many unfinished uploads were expired.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await store.DueWatchesAsync(now - options.Value.CleanupGrace, BatchSize, ct);
        var expired = 0;
        foreach (var watch in due)
        {
            var stored = await store.GetAsync(watch.WebinarId, watch.AssetId, ct);
            if (stored is not null && stored.Asset.UploadExpiresAt + options.Value.CleanupGrace > now)
            {
                await store.ForgetAsync(watch, ct); // the URL was renewed; a later watch row covers it
                continue;
            }
            switch (stored?.Asset.Status)
            {
                case AssetStatus.Pending:
                    var outcome = stored.Asset with
                    {
                        Status = AssetStatus.Expired,
                        Reason = "the upload was not completed before its URL expired",
                        CompletedAt = now,
                    };
                    // Marked first, deleted second: a complete racing this run then fails instead of losing its file.
                    if (await store.ReplaceAsync(stored, outcome, ct))
                    {
                        await blobs.DeleteAsync(stored.Asset.BlobName, ct);
                        expired++;
                        logger.LogInformation("Unfinished upload {AssetId} of webinar {WebinarId} expired and removed", watch.AssetId, watch.WebinarId);
                    }
                    else
                    {
                        continue; // completed meanwhile: look again on the next run
                    }
                    break;
                case AssetStatus.Rejected or AssetStatus.Expired:
                    await blobs.DeleteAsync(stored.Asset.BlobName, ct);
                    break;
                case AssetStatus.Verifying:
                    // Hashing takes seconds to minutes; a check not done by now lost its message. The watch stays
                    // until the asset is available (or rejected), so this repeats on every run until then.
                    if (stored.Asset.CompletedAt + options.Value.CleanupGrace < now)
                    {
                        await checks.EnqueueAsync(stored.Asset, ct);
                    }
                    continue;
            }
            await store.ForgetAsync(watch, ct);
        }
        return expired;
    }
}
