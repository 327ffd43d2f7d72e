using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Storage;
using SharingHub.Storage;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// Assets by episode (PartitionKey = webinar id, RowKey = asset id). Uploads to watch sit in their own table keyed by
/// the URL's expiry, so the clean-up reads only the uploads that are due, however many assets exist.
/// </summary>
public sealed class TableAssetStore(HubStorage storage) : IAssetStore
{
    public const string AssetTable = "webinarassets";
    public const string WatchTable = "webinaruploads";
    private const string WatchPartition = "pending";

    private TableClient Assets => storage.Table(AssetTable);
    private TableClient Watches => storage.Table(WatchTable);

    public async Task<StoredAsset?> GetAsync(string webinarId, string assetId, CancellationToken ct)
    {
        if (!WebinarRules.IsId(webinarId) || !WebinarRules.IsId(assetId))
        {
            return null;
        }
        var row = await Assets.GetEntityIfExistsAsync<TableEntity>(webinarId, assetId, cancellationToken: ct);
        return row.HasValue ? new StoredAsset(JsonColumns.Read<WebinarAsset>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<WebinarAsset>> ListAsync(string webinarId, CancellationToken ct)
    {
        var result = new List<WebinarAsset>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {webinarId}");
        await foreach (var row in Assets.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add(JsonColumns.Read<WebinarAsset>(row));
        }
        return result;
    }

    public async Task CreateAsync(WebinarAsset asset, CancellationToken ct)
    {
        // The watch first: an asset the clean-up cannot find would leave its blob behind for good.
        await WatchAsync(asset, ct);
        await Assets.AddEntityAsync(ToEntity(asset), ct);
    }

    public async Task<bool> ReplaceAsync(StoredAsset previous, WebinarAsset updated, CancellationToken ct)
    {
        try
        {
            await Assets.UpdateEntityAsync(ToEntity(updated), new ETag(previous.Stamp), TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task WatchAsync(WebinarAsset asset, CancellationToken ct)
    {
        var row = new TableEntity(WatchPartition, $"{TimeKey(asset.UploadExpiresAt)}|{asset.WebinarId}|{asset.AssetId}")
        {
            ["WebinarId"] = asset.WebinarId,
            ["AssetId"] = asset.AssetId,
        };
        return Watches.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<UploadWatch>> DueWatchesAsync(DateTimeOffset before, int limit, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WatchPartition} and RowKey lt {TimeKey(before)}");
        var result = new List<UploadWatch>();
        await foreach (var row in Watches.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: ct))
        {
            result.Add(new UploadWatch(row.GetString("WebinarId") ?? string.Empty, row.GetString("AssetId") ?? string.Empty, row.RowKey));
            if (result.Count >= limit)
            {
                break;
            }
        }
        return result;
    }

    public async Task ForgetAsync(UploadWatch watch, CancellationToken ct)
    {
        try
        {
            await Watches.DeleteEntityAsync(WatchPartition, watch.Key, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another run of the clean-up got there first.
        }
    }

    private static string TimeKey(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(WebinarAsset asset)
    {
        var entity = new TableEntity(asset.WebinarId, asset.AssetId);
        JsonColumns.Write(entity, asset with { ReadUrl = null, ReadUrlExpiresAt = null });
        return entity;
    }
}
