using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace SharingHub.Storage;

/// <summary>Hands out clients for the hub's tables, containers and queues by their logical name, applying the configured prefix.</summary>
public sealed class HubStorage(
    TableServiceClient tables,
    BlobServiceClient blobs,
    QueueServiceClient queues,
    IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.Prefix;

    public TableServiceClient TableService => tables;
    public BlobServiceClient BlobService => blobs;
    public QueueServiceClient QueueService => queues;

    public TableClient Table(string name) => tables.GetTableClient(prefix + name);

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(prefix.Length == 0 ? name : $"{prefix}-{name}");

    public QueueClient Queue(string name) => queues.GetQueueClient(prefix.Length == 0 ? name : $"{prefix}-{name}");
}
