using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Teams;

/// <summary>Connections in one partition: there is one per municipality at most, so a listing reads them all.</summary>
public sealed class TableTeamsConnectionStore(HubStorage storage) : ITeamsConnectionStore
{
    public const string TableName = "teamsconnections";
    private const string Partition = "c";

    private TableClient Table => storage.Table(TableName);

    public async Task<TeamsConnection?> GetAsync(string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public Task SaveAsync(TeamsConnection connection, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, connection.Id) { ["Json"] = JsonSerializer.Serialize(connection, HubJson.Options) }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<TeamsConnection>> ListAsync(CancellationToken ct)
    {
        var list = new List<TeamsConnection>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            list.Add(Read(row));
        }
        return list;
    }

    private static TeamsConnection Read(TableEntity row) =>
        JsonSerializer.Deserialize<TeamsConnection>(row.GetString("Json"), HubJson.Options) ?? throw new RequestFailedException("Unreadable connection row " + row.RowKey);
}
