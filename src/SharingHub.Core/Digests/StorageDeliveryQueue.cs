using System.Text;
using Azure.Storage.Queues;
using SharingHub.Storage;

namespace SharingHub.Digests;

/// <summary>
/// An Azure Storage queue. A message is the delivery id as plain text: host.json sets the queue trigger's
/// messageEncoding to none (tests/…/Deployment/QueueEncodingTests holds the two together).
/// </summary>
public sealed class StorageDeliveryQueue(HubStorage storage, DeliveryQueueSignal signal) : IDeliveryQueue
{
    public const string QueueName = "digest-deliveries";

    private QueueClient Queue => storage.Queue(QueueName);

    public async Task EnqueueAsync(string deliveryId, CancellationToken ct)
    {
        await Queue.SendMessageAsync(deliveryId, ct);
        signal.Pulse();
    }

    public Task EnqueueLaterAsync(string deliveryId, TimeSpan delay, CancellationToken ct) =>
        Queue.SendMessageAsync(deliveryId, visibilityTimeout: delay, cancellationToken: ct);

    public async Task<IReadOnlyList<QueuedDelivery>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        var messages = await Queue.ReceiveMessagesAsync(max, visibility, ct);
        return messages.Value.Select(m => new QueuedDelivery(Decode(m.MessageText), m.MessageId, m.PopReceipt, m.DequeueCount)).ToList();
    }

    public async Task DeleteAsync(QueuedDelivery message, CancellationToken ct)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility ran out and another receive took it; that one finds the delivery done and deletes it.
        }
    }

    // A delivery id always holds a '-', which Base64 never does: a message queued Base64-encoded (as the first
    // version did) is still understood. Anything else is passed on as it is; the worker drops an unknown id.
    private static string Decode(string text)
    {
        if (text.Contains('-', StringComparison.Ordinal))
        {
            return text;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
