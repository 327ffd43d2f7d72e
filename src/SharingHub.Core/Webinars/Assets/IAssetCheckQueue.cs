namespace SharingHub.Webinars.Assets;

/// <summary>Assets waiting for the hub to hash them: each message names one asset ("{webinarId}/{assetId}").</summary>
public interface IAssetCheckQueue
{
    Task EnqueueAsync(WebinarAsset asset, CancellationToken ct);

    Task<IReadOnlyList<QueuedAssetCheck>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct);

    Task DeleteAsync(QueuedAssetCheck message, CancellationToken ct);
}

public sealed record QueuedAssetCheck(string Text, string MessageId, string PopReceipt, long DequeueCount);
