using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// The background half of complete: reads an asset's snapshot once, computes its SHA-256 and makes it available. The
/// Functions app runs it from a queue trigger (and marks an asset whose check crashed on every attempt from the poison
/// queue's trigger); the self-host drains the queue with <see cref="DrainAsync"/>.
/// </summary>
public sealed class AssetVerifier(IAssetStore store, IAssetBlobs blobs, IAssetCheckQueue queue, TimeProvider clock, ILogger<AssetVerifier> logger)
{
    /// <summary>Attempts before a check is given up, as host.json's maxDequeueCount.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Hashes the asset the message names, if it still waits for that.</summary>
    public async Task VerifyAsync(string message, CancellationToken ct)
    {
        if (!TryParse(message, out var webinarId, out var assetId))
        {
            logger.LogWarning("Dropped an asset check that names no asset");
            return;
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetAsync(webinarId, assetId, ct) is not { Asset: { Status: AssetStatus.Verifying, Snapshot: { } snapshot } asset } stored)
            {
                return; // already available, rejected, or unknown: nothing to do
            }
            var (hash, size) = await HashAsync(asset.BlobName, snapshot, ct);
            var outcome = size == asset.Size
                ? asset with { Status = AssetStatus.Available, ContentHash = hash, AvailableAt = clock.GetUtcNow() }
                : asset with { Status = AssetStatus.Rejected, Reason = $"the stored file is {size} bytes, not the {asset.Size} bytes checked at complete; upload it again" };
            if (await store.ReplaceAsync(stored, outcome, ct))
            {
                if (outcome.Status == AssetStatus.Rejected)
                {
                    await blobs.DeleteAsync(asset.BlobName, ct);
                }
                logger.LogInformation("Asset {AssetId} of webinar {WebinarId} hashed: {Status}, {Size} bytes", assetId, webinarId, outcome.Status, size);
                return;
            }
            // Changed meanwhile (an erasure replaced the snapshot): read it again, and hash what it holds now.
        }
        throw new InvalidOperationException($"Asset {assetId} kept changing while it was hashed.");
    }

    /// <summary>For a check that crashed on every attempt: the asset is rejected with the reason, and its file deleted.</summary>
    public async Task GiveUpAsync(string message, CancellationToken ct)
    {
        if (!TryParse(message, out var webinarId, out var assetId)
            || await store.GetAsync(webinarId, assetId, ct) is not { Asset.Status: AssetStatus.Verifying } stored)
        {
            return;
        }
        var outcome = stored.Asset with
        {
            Status = AssetStatus.Rejected,
            Reason = $"the hub could not read the file to compute its hash ({MaxAttempts} attempts); upload it again",
        };
        if (await store.ReplaceAsync(stored, outcome, ct))
        {
            await blobs.DeleteAsync(stored.Asset.BlobName, ct);
            logger.LogError("Asset {AssetId} of webinar {WebinarId} could not be hashed and was rejected", assetId, webinarId);
        }
    }

    /// <summary>The self-host's worker: checks until the queue has no visible message left; returns how many were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            // A lease long enough to hash a large recording; a crashed check comes back after it.
            var messages = await queue.ReceiveAsync(4, TimeSpan.FromMinutes(10), ct);
            if (messages.Count == 0)
            {
                return handled;
            }
            foreach (var message in messages)
            {
                handled++;
                try
                {
                    if (message.DequeueCount > MaxAttempts)
                    {
                        await GiveUpAsync(message.Text, ct);
                    }
                    else
                    {
                        await VerifyAsync(message.Text, ct);
                    }
                    await queue.DeleteAsync(message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Checking asset {Asset} failed; its message comes back after the lease", message.Text);
                }
            }
        }
    }

    /// <summary>One streaming pass over the snapshot: its SHA-256 and how many bytes it held.</summary>
    private async Task<(string Hash, long Size)> HashAsync(string blobName, string snapshot, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(blobName, snapshot, ct);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long size = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                size += read;
            }
            return ("sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryParse(string message, out string webinarId, out string assetId)
    {
        var parts = message.Trim().Split('/');
        webinarId = parts[0];
        assetId = parts.Length == 2 ? parts[1] : string.Empty;
        return parts.Length == 2 && WebinarRules.IsId(webinarId) && WebinarRules.IsId(assetId);
    }
}
