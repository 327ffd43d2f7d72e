using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Digests;

/// <summary>
/// Deliveries keyed (subscription, period), so a subscription's history is one partition; what a channel was already
/// given is one row per digest keyed (channel, composition time), read by a range from the subscriber's "since".
/// </summary>
public sealed class TableDeliveryStore(HubStorage storage) : IDeliveryStore
{
    public const string DeliveriesTable = "digestdeliveries";
    public const string CarriedTable = "digestcarried";

    private TableClient Deliveries => storage.Table(DeliveriesTable);
    private TableClient Carried => storage.Table(CarriedTable);

    public async Task<bool> AddAsync(Delivery delivery, string html, CancellationToken ct)
    {
        try
        {
            await Deliveries.AddEntityAsync(Entity(delivery, html), ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredDelivery?> GetAsync(string id, CancellationToken ct)
    {
        if (!Delivery.TryParseId(id, out var subscriptionId, out var period))
        {
            return null;
        }
        var row = await Deliveries.GetEntityIfExistsAsync<TableEntity>(subscriptionId, period, cancellationToken: ct);
        return row.HasValue ? new StoredDelivery(Read(row.Value!), row.Value!.GetString("Html") ?? string.Empty, row.Value!.ETag.ToString()) : null;
    }

    public async Task<string?> ReplaceAsync(string id, string stamp, Delivery updated, CancellationToken ct)
    {
        try
        {
            // Merge keeps the Html column, which a status change never rewrites.
            var entity = Entity(updated, html: null);
            var response = await Deliveries.UpdateEntityAsync(entity, new ETag(stamp), TableUpdateMode.Merge, ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(string? subscriptionId, DeliveryStatus? status, int limit, CancellationToken ct)
    {
        var statusName = status?.ToString();
        var filter = (subscriptionId, statusName) switch
        {
            (not null, not null) => TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId} and Status eq {statusName}"),
            (not null, null) => TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId}"),
            (null, not null) => TableClient.CreateQueryFilter($"Status eq {statusName}"),
            _ => null,
        };
        var list = new List<Delivery>();
        await foreach (var row in Deliveries.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, limit), select: ["PartitionKey", "RowKey", "Json"], cancellationToken: ct))
        {
            list.Add(Read(row));
            if (list.Count == limit)
            {
                break;
            }
        }
        return list.OrderByDescending(d => d.ScheduledFor).ToList();
    }

    public async Task<IReadOnlySet<string>> GetCarriedAsync(string channelKey, DateTimeOffset since, CancellationToken ct)
    {
        var from = CarriedRowKey(since, string.Empty);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Carried.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {channelKey} and RowKey ge {from}"), select: ["Items"], cancellationToken: ct))
        {
            keys.UnionWith(JsonSerializer.Deserialize<string[]>(row.GetString("Items") ?? "[]") ?? []);
        }
        return keys;
    }

    public Task AddCarriedAsync(string channelKey, Delivery delivery, CancellationToken ct) =>
        Carried.UpsertEntityAsync(
            new TableEntity(channelKey, CarriedRowKey(delivery.ComposedAt, delivery.Id)) { ["Items"] = JsonSerializer.Serialize(delivery.ItemKeys) },
            TableUpdateMode.Replace,
            ct);

    // Composition time first, so that "digests since" is a range over the channel's partition.
    private static string CarriedRowKey(DateTimeOffset composedAt, string deliveryId) =>
        composedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff", System.Globalization.CultureInfo.InvariantCulture) + "_" + deliveryId;

    private static TableEntity Entity(Delivery delivery, string? html)
    {
        var entity = new TableEntity(delivery.SubscriptionId, delivery.Period)
        {
            ["Status"] = delivery.Status.ToString(),
            ["Json"] = JsonSerializer.Serialize(delivery, HubJson.Options),
        };
        if (html is not null)
        {
            entity["Html"] = html;
        }
        return entity;
    }

    private static Delivery Read(TableEntity row) =>
        JsonSerializer.Deserialize<Delivery>(row.GetString("Json"), HubJson.Options) ?? throw new RequestFailedException("Unreadable delivery row " + row.RowKey);
}
