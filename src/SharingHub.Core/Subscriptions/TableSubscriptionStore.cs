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
    private const string ScheduledThroughColumn = "ScheduledThrough";
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

    public async Task MarkScheduledAsync(IReadOnlyList<(string Id, DateTimeOffset Through)> marks, CancellationToken ct)
    {
        foreach (var batch in marks.Chunk(BatchSize))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateMerge, ScheduledMark(m.Id, m.Through), ETag.All)), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var (id, through) in batch)
                {
                    try
                    {
                        await Table.UpdateEntityAsync(ScheduledMark(id, through), ETag.All, TableUpdateMode.Merge, ct);
                    }
                    catch (RequestFailedException missing) when (missing.Status == 404)
                    {
                        // Deleted since the round read it.
                    }
                }
            }
        }
    }

    private static TableEntity ScheduledMark(string id, DateTimeOffset through) => new(Partition, id) { [ScheduledThroughColumn] = through };

    // ScheduledThrough has a column of its own, outside the document, so that the due-job can set it with a merge.
    private static TableEntity Entity(Subscription subscription) =>
        new(Partition, subscription.Id)
        {
            ["Json"] = JsonSerializer.Serialize(subscription with { ScheduledThrough = null }, HubJson.Options),
            [ScheduledThroughColumn] = subscription.ScheduledThrough,
        };

    private static Subscription Read(TableEntity row)
    {
        var subscription = JsonSerializer.Deserialize<Subscription>(row.GetString("Json"), HubJson.Options)
            ?? throw new RequestFailedException("Unreadable subscription row " + row.RowKey);
        return subscription with { ScheduledThrough = row.GetDateTimeOffset(ScheduledThroughColumn) ?? subscription.ScheduledThrough };
    }
}
