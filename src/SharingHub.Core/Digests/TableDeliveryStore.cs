using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Digests;

/// <summary>
/// Deliveries partitioned by their period, newest first, so that one round's digests (which mostly share a period) are
/// written in transactions of 100. What channels were given is one row per digest, partitioned by the day it was
/// composed, so one range read returns every channel's recent digests. See docs/storage.md.
/// </summary>
public sealed class TableDeliveryStore(HubStorage storage) : IDeliveryStore
{
    public const string DeliveriesTable = "digestdeliveries";
    public const string CarriedTable = "digestcarried";
    private const int BatchSize = 100; // Table Storage's limit per transaction

    // A transaction's payload may not pass 4 MiB; the compressed messages travel as Base64 (a third more).
    private const int BatchMessageBytes = 2_000_000;

    private TableClient Deliveries => storage.Table(DeliveriesTable);
    private TableClient Carried => storage.Table(CarriedTable);

    /// <returns>false when a delivery with this id already exists.</returns>
    private async Task<bool> AddAsync(TableEntity row, CancellationToken ct)
    {
        try
        {
            await Deliveries.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlySet<string>> AddManyAsync(IReadOnlyList<(Delivery Delivery, CompressedHtml Html)> deliveries, CancellationToken ct)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        var batches = deliveries.Select(d => (d.Delivery.Id, Row: Entity(d.Delivery, d.Html))).GroupBy(d => d.Row.PartitionKey).SelectMany(Batches).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (batch, token) =>
        {
            var ours = new List<string>(batch.Length);
            try
            {
                await Deliveries.SubmitTransactionAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.Add, d.Row)), token);
                ours.AddRange(batch.Select(d => d.Id));
            }
            catch (TableTransactionFailedException)
            {
                // One of them exists (an earlier round stopped half-way, or another round raced this one): one by one.
                foreach (var (id, row) in batch)
                {
                    if (await AddAsync(row, token))
                    {
                        ours.Add(id);
                    }
                }
            }
            lock (added)
            {
                added.UnionWith(ours);
            }
        });
        return added;
    }

    private static IEnumerable<(string Id, TableEntity Row)[]> Batches(IEnumerable<(string Id, TableEntity Row)> partition)
    {
        var batch = new List<(string, TableEntity)>();
        var bytes = 0;
        foreach (var item in partition)
        {
            var size = item.Row.GetBinary(HtmlColumn)?.Length ?? 0;
            if (batch.Count == BatchSize || (batch.Count > 0 && bytes + size > BatchMessageBytes))
            {
                yield return [.. batch];
                batch.Clear();
                bytes = 0;
            }
            batch.Add(item);
            bytes += size;
        }
        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    public async Task<StoredDelivery?> GetAsync(string id, CancellationToken ct)
    {
        if (!Delivery.TryParseId(id, out var subscriptionId, out var period) || !TryPartition(period, out var partition))
        {
            return null;
        }
        var row = await Deliveries.GetEntityIfExistsAsync<TableEntity>(partition, subscriptionId, cancellationToken: ct);
        return row.HasValue ? new StoredDelivery(Read(row.Value!), Html(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyDictionary<string, StoredDelivery>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredDelivery>(StringComparer.Ordinal);
        var keys = new List<(string Id, string Partition, string RowKey)>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Delivery.TryParseId(id, out var subscriptionId, out var period) && TryPartition(period, out var partition))
            {
                keys.Add((id, partition, subscriptionId));
            }
        }
        foreach (var partition in keys.GroupBy(k => k.Partition))
        {
            if (partition.Count() == 1)
            {
                continue;
            }
            var rows = partition.Select(k => k.RowKey).Order(StringComparer.Ordinal).ToList();
            var wanted = rows.ToHashSet(StringComparer.Ordinal);
            // One page of at most twice as many rows as wanted: rows between them that belong to other messages cost a
            // little, a range that spans a whole period is cut short and its rest read one by one.
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey ge {rows[0]} and RowKey le {rows[^1]}");
            await foreach (var page in Deliveries.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, 2 * rows.Count), cancellationToken: ct).AsPages().WithCancellation(ct))
            {
                foreach (var row in page.Values.Where(r => wanted.Contains(r.RowKey)))
                {
                    var stored = new StoredDelivery(Read(row), Html(row), row.ETag.ToString());
                    found[stored.Delivery.Id] = stored;
                }
                break;
            }
        }
        var missing = keys.Where(k => !found.ContainsKey(k.Id)).Select(k => k.Id).ToList();
        foreach (var (id, stored) in missing.Zip(await Task.WhenAll(missing.Select(id => GetAsync(id, ct)))))
        {
            if (stored is not null)
            {
                found[id] = stored;
            }
        }
        return found;
    }

    public async Task<IReadOnlyDictionary<string, Delivery>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var partitions = wanted
            .Select(id => Delivery.TryParseId(id, out _, out var period) && TryPartition(period, out var partition) ? partition : null)
            .OfType<string>()
            .Distinct();
        var found = new Dictionary<string, Delivery>(StringComparer.Ordinal);
        foreach (var partition in partitions)
        {
            await foreach (var row in Deliveries.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["Json"], cancellationToken: ct))
            {
                var delivery = Read(row);
                if (wanted.Contains(delivery.Id))
                {
                    found[delivery.Id] = delivery;
                }
            }
        }
        return found;
    }

    public async Task<string?> ReplaceAsync(string id, string stamp, Delivery updated, CancellationToken ct)
    {
        try
        {
            // Merge keeps the message's column, which a status change never rewrites.
            var entity = Entity(updated, html: null);
            var response = await Deliveries.UpdateEntityAsync(entity, new ETag(stamp), TableUpdateMode.Merge, ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<string, string?>> ReplaceManyAsync(IReadOnlyList<(string Id, string Stamp, Delivery Updated)> changes, CancellationToken ct)
    {
        if (changes.Count == 1)
        {
            var (id, stamp, updated) = changes[0];
            return new Dictionary<string, string?>(StringComparer.Ordinal) { [id] = await ReplaceAsync(id, stamp, updated, ct) };
        }
        var stamps = new Dictionary<string, string?>(StringComparer.Ordinal);
        var batches = changes.GroupBy(c => Partition(c.Updated.Period)).SelectMany(g => g.Chunk(BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (batch, token) =>
        {
            IReadOnlyList<string?> result;
            try
            {
                // Merges, like ReplaceAsync: the message stays as it was added.
                var response = await Deliveries.SubmitTransactionAsync(
                    batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Entity(c.Updated, html: null), new ETag(c.Stamp))), token);
                result = [.. response.Value.Select(r => r.Headers.ETag?.ToString())];
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
            {
                result = [.. batch.Select(_ => (string?)null)];
            }
            lock (stamps)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    stamps[batch[i].Id] = result[i];
                }
            }
        });
        return stamps;
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(string? subscriptionId, DeliveryStatus? status, int limit, CancellationToken ct)
    {
        var statusName = status?.ToString();
        var filter = (subscriptionId, statusName) switch
        {
            (not null, not null) => TableClient.CreateQueryFilter($"RowKey eq {subscriptionId} and Status eq {statusName}"),
            (not null, null) => TableClient.CreateQueryFilter($"RowKey eq {subscriptionId}"),
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
        // Partitions come newest period first; within one, order by subscription is no order a reader wants.
        return list.OrderByDescending(d => d.ScheduledFor).ThenByDescending(d => d.ComposedAt).ToList();
    }

    public async Task<CarriedItems> GetCarriedAsync(DateTimeOffset since, CancellationToken ct)
    {
        var carried = new CarriedItems();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {CarriedPartition(since)}");
        await foreach (var row in Carried.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Channel", "ComposedAt", "Items"], cancellationToken: ct))
        {
            if (row.GetDateTimeOffset("ComposedAt") is { } composedAt && composedAt >= since)
            {
                carried.Add(row.GetString("Channel"), composedAt, JsonSerializer.Deserialize<string[]>(row.GetString("Items") ?? "[]") ?? []);
            }
        }
        return carried;
    }

    public async Task AddCarriedAsync(IReadOnlyList<Delivery> deliveries, CancellationToken ct)
    {
        var batches = deliveries.Select(CarriedRow).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (batch, token) =>
            await Carried.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }

    public async Task RemoveCarriedAsync(Delivery delivery, CancellationToken ct)
    {
        var row = CarriedRow(delivery);
        await Carried.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
    }

    public async IAsyncEnumerable<StoredDelivery> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Deliveries.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            yield return new StoredDelivery(Read(row), Html(row), row.ETag.ToString());
        }
    }

    public async Task<bool> ReplaceHtmlAsync(string id, string stamp, string html, CancellationToken ct)
    {
        if (!Delivery.TryParseId(id, out var subscriptionId, out var period) || !TryPartition(period, out var partition))
        {
            return false;
        }
        try
        {
            // A merge cannot drop a column: a row from before compression keeps an empty "Html" beside the new text.
            await Deliveries.UpdateEntityAsync(new TableEntity(partition, subscriptionId) { [HtmlColumn] = CompressedHtml.Of(html).Bytes, ["Html"] = string.Empty }, new ETag(stamp), TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity CarriedRow(Delivery delivery)
    {
        var channel = ChannelKey.Of(delivery.TeamId, delivery.ChannelId);
        return new TableEntity(CarriedPartition(delivery.ComposedAt), $"{channel}_{delivery.ComposedAt.UtcTicks:D19}_{delivery.Id}")
        {
            ["Channel"] = channel,
            ["ComposedAt"] = delivery.ComposedAt,
            ["Items"] = JsonSerializer.Serialize(delivery.ItemKeys),
        };
    }

    private static string CarriedPartition(DateTimeOffset composedAt) => composedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The period counted down from the end of time, so that partitions list newest first.</summary>
    private static string Partition(string period) =>
        TryPartition(period, out var partition) ? partition : throw new ArgumentException($"'{period}' is not a delivery period.", nameof(period));

    private static bool TryPartition(string period, out string partition)
    {
        var ok = Delivery.TryParsePeriod(period, out var at);
        partition = ok ? (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) : string.Empty;
        return ok;
    }

    private static TableEntity Entity(Delivery delivery, CompressedHtml? html)
    {
        var entity = new TableEntity(Partition(delivery.Period), delivery.SubscriptionId)
        {
            ["Status"] = delivery.Status.ToString(),
            ["Json"] = JsonSerializer.Serialize(delivery, HubJson.Options),
        };
        if (html is not null)
        {
            entity[HtmlColumn] = html.Bytes;
        }
        return entity;
    }

    // The message, gzipped (CompressedHtml). Rows written before compression kept it as text in "Html".
    private const string HtmlColumn = "HtmlGzip";

    private static CompressedHtml Html(TableEntity row) =>
        row.GetBinary(HtmlColumn) is { } compressed ? CompressedHtml.FromStored(compressed) : CompressedHtml.Of(row.GetString("Html") ?? string.Empty);

    private static Delivery Read(TableEntity row) =>
        JsonSerializer.Deserialize<Delivery>(row.GetString("Json"), HubJson.Options) ?? throw new RequestFailedException("Unreadable delivery row " + row.RowKey);
}
