using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Subscriptions;

/// <summary>
/// All subscriptions in one partition: the due-job reads every one each hour anyway, and there are a few hundred
/// (one or a handful per municipality), well inside one partition's throughput.
/// </summary>
public sealed class TableSubscriptionStore(HubStorage storage) : ISubscriptionStore
{
    public const string TableName = "subscriptions";
    private const string Partition = "s";
    private const string ScheduledThroughColumn = nameof(Subscription.ScheduledThrough);
    private const string DeliveredThroughColumn = nameof(Subscription.DeliveredThrough);
    private const string LastDeliveryIdColumn = nameof(Subscription.LastDeliveryId);
    private const string FailuresColumn = nameof(Subscription.ConsecutiveFailures);
    private const int BatchSize = 100; // Table Storage's limit per transaction

    private TableClient Table => storage.Table(TableName);

    public async Task<StoredSubscription?> GetAsync(string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return row.HasValue ? new StoredSubscription(Read(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public Task CreateAsync(Subscription subscription, CancellationToken ct) => Table.AddEntityAsync(Entity(subscription), ct);

    public async Task<bool> ReplaceAsync(StoredSubscription previous, Subscription updated, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(Entity(updated), new ETag(previous.Stamp), TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        var response = await Table.DeleteEntityAsync(Partition, id, ETag.All, ct);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken ct)
    {
        var list = new List<Subscription>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            list.Add(Read(row));
        }
        return list;
    }

    public Task MarkScheduledAsync(IReadOnlyList<(string Id, DateTimeOffset Through)> marks, CancellationToken ct) =>
        MergeManyAsync([.. marks.Select(m => ScheduledMark(m.Id, m.Through))], ct);

    public async Task<bool> MarkDeliveredAsync(string id, DateTimeOffset deliveredThrough, string deliveryId, CancellationToken ct)
    {
        // Unconditional, so a digest recorded late can move DeliveredThrough back; that only widens the next digest's
        // window, and what the channel was already given keeps it from repeating anything.
        try
        {
            await Table.UpdateEntityAsync(DeliveredMark(id, deliveredThrough, deliveryId), ETag.All, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public Task MarkDeliveredManyAsync(IReadOnlyList<(string Id, DateTimeOffset DeliveredThrough, string DeliveryId)> marks, CancellationToken ct) =>
        MergeManyAsync([.. marks.Select(m => DeliveredMark(m.Id, m.DeliveredThrough, m.DeliveryId))], ct);

    /// <summary>Unconditional merges, 100 to a transaction (all rows share the partition); a deleted row is skipped.</summary>
    private async Task MergeManyAsync(IReadOnlyList<TableEntity> marks, CancellationToken ct)
    {
        foreach (var batch in marks.Chunk(BatchSize))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateMerge, m, ETag.All)), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var mark in batch)
                {
                    try
                    {
                        await Table.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, ct);
                    }
                    catch (RequestFailedException missing) when (missing.Status == 404)
                    {
                        // Deleted since it was read.
                    }
                }
            }
        }
    }

    private static TableEntity DeliveredMark(string id, DateTimeOffset deliveredThrough, string deliveryId) =>
        new(Partition, id)
        {
            [DeliveredThroughColumn] = deliveredThrough,
            [LastDeliveryIdColumn] = deliveryId,
            [FailuresColumn] = 0,
        };

    private static TableEntity ScheduledMark(string id, DateTimeOffset through) => new(Partition, id) { [ScheduledThroughColumn] = through };

    // The digest bookkeeping has columns of its own, outside the document, so that the due-job and the worker set it
    // with merges that never collide with each other or with an owner's edit.
    private static TableEntity Entity(Subscription subscription) =>
        new(Partition, subscription.Id)
        {
            ["Json"] = JsonSerializer.Serialize(
                subscription with { ScheduledThrough = null, DeliveredThrough = null, LastDeliveryId = null, ConsecutiveFailures = 0 },
                HubJson.Options),
            [ScheduledThroughColumn] = subscription.ScheduledThrough,
            [DeliveredThroughColumn] = subscription.DeliveredThrough,
            [LastDeliveryIdColumn] = subscription.LastDeliveryId,
            [FailuresColumn] = subscription.ConsecutiveFailures,
        };

    private static Subscription Read(TableEntity row)
    {
        var subscription = JsonSerializer.Deserialize<Subscription>(row.GetString("Json"), HubJson.Options)
            ?? throw new RequestFailedException("Unreadable subscription row " + row.RowKey);
        return subscription with
        {
            ScheduledThrough = row.GetDateTimeOffset(ScheduledThroughColumn) ?? subscription.ScheduledThrough,
            DeliveredThrough = row.GetDateTimeOffset(DeliveredThroughColumn) ?? subscription.DeliveredThrough,
            LastDeliveryId = row.GetString(LastDeliveryIdColumn) ?? subscription.LastDeliveryId,
            ConsecutiveFailures = row.GetInt32(FailuresColumn) ?? subscription.ConsecutiveFailures,
        };
    }
}
