using Azure;
using Azure.Storage.Queues;
using SharingHub.Common;
using SharingHub.Storage;

namespace SharingHub.Search;

/// <summary>The notice queue in Queue Storage, as plain text (host.json's messageEncoding none hands the function the same text).</summary>
public sealed class StorageSearchNoticeQueue(HubStorage storage, SearchNoticeSignal signal) : ISearchNoticeQueue
{
    public const string QueueName = "search-notices";
    public const string PoisonQueueName = QueueName + "-poison";

    private QueueClient Queue => storage.Queue(QueueName);

    public async Task SendAsync(SearchNotice notice, CancellationToken ct)
    {
        await Queue.SendMessageAsync(notice.ToString(), ct);
        signal.Pulse();
    }

    public async Task<IReadOnlyList<QueuedNotice>> ReceiveAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var received = new List<QueuedNotice>();
        while (received.Count < max)
        {
            var batch = (await Queue.ReceiveMessagesAsync(Math.Min(32, max - received.Count), lease, ct)).Value;
            received.AddRange(batch.Select(m => new QueuedNotice(m.MessageText, m.MessageId, m.PopReceipt, m.DequeueCount)));
            if (batch.Length < 32)
            {
                break;
            }
        }
        return received;
    }

    public async Task MoveToPoisonAsync(QueuedNotice message, CancellationToken ct)
    {
        // Copied first, then deleted: stopped in between, the notice is tried once more and may sit in the poison queue twice.
        // The queue is made here, on this rare path, not at start: in Azure it is declared in infra/main.bicep, and a
        // storage resource of its own would need a trigger on its poison queue in turn.
        var poison = storage.Queue(PoisonQueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: ct);
        await poison.SendMessageAsync(message.Text, ct);
        await DeleteAsync(message, ct);
    }

    public async Task DeleteAsync(QueuedNotice message, CancellationToken ct)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease ran out and another run took it; applying a notice twice changes nothing.
        }
    }
}

/// <summary>Wakes this process's indexer when this process queued a notice, so a published story is findable within seconds.</summary>
public sealed class SearchNoticeSignal : WakeSignal;
