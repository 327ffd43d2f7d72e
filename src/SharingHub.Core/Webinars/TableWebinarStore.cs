using Azure;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Common.Storage;
using SharingHub.Storage;

namespace SharingHub.Webinars;

/// <summary>
/// Episodes in Table Storage. The main table holds one row per episode (PartitionKey = id). The index table holds a copy
/// per listing it appears in ("all", "status-held"…), keyed by start time, so a from/to listing is one range query.
/// The main row is the truth; a listing re-reads nothing, so after a crash between the two writes a listing can lag until the next edit.
/// </summary>
public sealed class TableWebinarStore(HubStorage storage) : IWebinarStore
{
    public const string MainTable = "webinars";
    public const string IndexTable = "webinarindex";
    private const string MainRow = "episode";

    private TableClient Main => storage.Table(MainTable);
    private TableClient Index => storage.Table(IndexTable);

    public async Task<StoredWebinar?> GetAsync(string id, CancellationToken ct)
    {
        if (!WebinarRules.IsId(id))
        {
            return null;
        }
        var row = await Main.GetEntityIfExistsAsync<TableEntity>(id, MainRow, cancellationToken: ct);
        return row.HasValue ? new StoredWebinar(JsonColumns.Read<Webinar>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async IAsyncEnumerable<string> AllIdsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Main.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct))
        {
            yield return row.PartitionKey;
        }
    }

    public async Task CreateAsync(Webinar webinar, CancellationToken ct)
    {
        try
        {
            await Main.AddEntityAsync(ToEntity(webinar.Id, MainRow, webinar), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConflictException($"Webinar '{webinar.Id}' exists already.");
        }
        await Task.WhenAll(IndexRows(webinar).Select(row => Index.UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
    }

    public async Task<bool> ReplaceAsync(StoredWebinar previous, Webinar updated, CancellationToken ct)
    {
        try
        {
            await Main.UpdateEntityAsync(ToEntity(updated.Id, MainRow, updated), new ETag(previous.Stamp), TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
        var fresh = IndexRows(updated).ToList();
        var keep = fresh.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
        var stale = IndexRows(previous.Webinar).Where(r => !keep.Contains((r.PartitionKey, r.RowKey)));
        await Task.WhenAll(fresh.Select(row => Index.UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
        await Task.WhenAll(stale.Select(row => Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct)));
        return true;
    }

    public async Task<IReadOnlyList<Webinar>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, WebinarStatus? status, int limit, CancellationToken ct)
    {
        var partition = status is { } s ? "status-" + WebinarRules.Status(s) : "all";
        var low = from is { } f ? TimeKey(f) : string.Empty;
        var high = to is { } t ? TimeKey(t) : "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
        var result = new List<Webinar>();
        await foreach (var row in Index.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: ct))
        {
            result.Add(JsonColumns.Read<Webinar>(row));
            if (result.Count >= limit)
            {
                break;
            }
        }
        return result;
    }

    private static IEnumerable<TableEntity> IndexRows(Webinar webinar)
    {
        var rowKey = $"{TimeKey(webinar.StartsAt)}|{webinar.Id}";
        yield return ToEntity("all", rowKey, webinar);
        yield return ToEntity("status-" + WebinarRules.Status(webinar.Status), rowKey, webinar);
    }

    /// <summary>Sortable UTC text: "20260925T070000".</summary>
    private static string TimeKey(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string partitionKey, string rowKey, Webinar webinar)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        JsonColumns.Write(entity, webinar);
        return entity;
    }
}
