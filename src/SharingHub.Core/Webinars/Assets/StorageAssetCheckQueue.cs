using Azure;
using Azure.Storage.Queues;
using SharingHub.Storage;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// An Azure Storage queue of asset checks, as plain text (host.json's messageEncoding is none). The Functions app runs
/// a queue trigger on it (and on its poison queue); the self-host drains it from a background service, woken by
/// <see cref="Queued"/> when this process queues a check.
/// </summary>
public sealed class StorageAssetCheckQueue(HubStorage storage) : IAssetCheckQueue
{
    public const string QueueName = "webinar-asset-checks";

    private TaskCompletionSource queued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private QueueClient Queue => storage.Queue(QueueName);

    /// <summary>Completes when this process queues a check after it was read: read it before draining, wait on it after.</summary>
    public Task Queued => Volatile.Read(ref queued).Task;

    public async Task EnqueueAsync(WebinarAsset asset, CancellationToken ct)
    {
        await Queue.SendMessageAsync(asset.BlobName, ct);
        Interlocked.Exchange(ref queued, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
