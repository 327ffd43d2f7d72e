using Azure.Storage.Queues;
using SharingHub.Storage;

namespace SharingHub.Digests;

/// <summary>
/// An Azure Storage queue. A message is <see cref="DeliveryMessage"/>'s plain text: host.json sets the queue trigger's
/// messageEncoding to none (tests/…/Deployment/QueueEncodingTests holds the two together).
/// </summary>
public sealed class StorageDeliveryQueue(HubStorage storage, DeliveryQueueSignal signal) : IDeliveryQueue
{
    public const string QueueName = "digest-deliveries";
    private const int ParallelSends = 16;

    private QueueClient Queue => storage.Queue(QueueName);

    public Task EnqueueAsync(string deliveryId, CancellationToken ct) => EnqueueAsync([deliveryId], ct);

    public Task EnqueueAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken ct) => SendAsync(deliveryIds, delay: null, ct);

    public Task EnqueueLaterAsync(IReadOnlyCollection<string> deliveryIds, TimeSpan delay, CancellationToken ct) => SendAsync(deliveryIds, delay, ct);

    private Task SendAsync(IReadOnlyCollection<string> deliveryIds, TimeSpan? delay, CancellationToken ct) =>
        Parallel.ForEachAsync(DeliveryMessage.Split(deliveryIds), new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = ct }, async (ids, token) =>
        {
            await Queue.SendMessageAsync(DeliveryMessage.Format(ids), visibilityTimeout: delay, cancellationToken: token);
            if (delay is null)
            {
                signal.Pulse();
            }
        });

    public async Task<IReadOnlyList<QueuedDelivery>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        var messages = await Queue.ReceiveMessagesAsync(max, visibility, ct);
        return messages.Value.Select(m => new QueuedDelivery(DeliveryMessage.Parse(m.MessageText), m.MessageId, m.PopReceipt, m.DequeueCount)).ToList();
    }

    public async Task DeleteAsync(QueuedDelivery message, CancellationToken ct)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility ran out and another receive took it; that one finds the deliveries done and deletes it.
        }
    }
}
