using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Access;

/// <summary>One row per key, partition = key id: authenticating a request is one point read.</summary>
public sealed class TableAccessKeyStore(HubStorage storage) : IAccessKeyStore
{
    public const string TableName = "accesskeys";
    private const string Row = "key";

    private TableClient Table => storage.Table(TableName);

    public Task AddAsync(AccessKey key, string keyHash, CancellationToken ct) =>
        Table.AddEntityAsync(ToEntity(key, keyHash), ct);

    public async Task<(AccessKey Key, string Hash)?> GetAsync(string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, Row, cancellationToken: ct);
        return row.HasValue ? (FromEntity(row.Value!), row.Value!.GetString("Hash")) : null;
    }

    public async Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken ct)
    {
        var keys = new List<AccessKey>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {Row}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            keys.Add(FromEntity(row));
        }
        return [.. keys.OrderBy(k => k.CreatedAt)];
    }

    public async Task<AccessKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, Row, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }
        var key = FromEntity(row.Value!);
        if (key.RevokedAt is not null)
        {
            return key;
        }
        var revoked = key with { RevokedAt = at };
        await Table.UpdateEntityAsync(ToEntity(revoked, row.Value!.GetString("Hash")), row.Value!.ETag, TableUpdateMode.Replace, ct);
        return revoked;
    }

    private static TableEntity ToEntity(AccessKey key, string hash) => new(key.Id, Row)
    {
        ["Hash"] = hash,
        ["Doc"] = JsonSerializer.Serialize(key, HubJson.Options),
    };

    private static AccessKey FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<AccessKey>(entity.GetString("Doc"), HubJson.Options)
        ?? throw new RequestFailedException($"Key row {entity.PartitionKey} holds no document.");
}
