using Azure;
using Azure.Storage.Queues;
using SharingHub.Common;
using SharingHub.Storage;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// An Azure Storage queue of asset checks, as plain text (host.json's messageEncoding is none). The Functions app runs
/// a queue trigger on it (and on its poison queue); the self-host drains it from a background service, woken by
/// <see cref="AssetCheckSignal"/> when this process queues a check.
/// </summary>
public sealed class StorageAssetCheckQueue(HubStorage storage, AssetCheckSignal signal) : IAssetCheckQueue
{
    public const string QueueName = "webinar-asset-checks";

    private QueueClient Queue => storage.Queue(QueueName);

    public async Task EnqueueAsync(WebinarAsset asset, CancellationToken ct)
    {
        await Queue.SendMessageAsync(asset.BlobName, ct);
        signal.Pulse();
    }

    public async Task<IReadOnlyList<QueuedAssetCheck>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        var messages = await Queue.ReceiveMessagesAsync(max, visibility, ct);
        return [.. messages.Value.Select(m => new QueuedAssetCheck(m.MessageText, m.MessageId, m.PopReceipt, m.DequeueCount))];
    }

    public async Task DeleteAsync(QueuedAssetCheck message, CancellationToken ct)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its lease ran out and another receive took it; that one finds the asset available and deletes it.
        }
    }
}

/// <summary>Wakes this process's asset checker when this process queued a check.</summary>
public sealed class AssetCheckSignal : WakeSignal;
