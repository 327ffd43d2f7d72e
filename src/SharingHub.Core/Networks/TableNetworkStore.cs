using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Networks;

/// <summary>Networks are few: one partition, one row each, the record kept as JSON.</summary>
public sealed class TableNetworkStore(HubStorage storage) : INetworkStore
{
    public const string TableName = "networks";
    private const string Partition = "network";

    private TableClient Table => storage.Table(TableName);

    public async Task<Network?> GetAsync(string id, CancellationToken ct)
    {
        if (!NetworkValidator.IsSlug(id))
        {
            return null; // not a key storage accepts ('/', '#', '?'), and never a network
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct)
    {
        var networks = new List<Network>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            networks.Add(FromEntity(row));
        }
        return networks;
    }

    public async Task<bool> TryAddAsync(Network network, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, network.Id) { ["Json"] = JsonSerializer.Serialize(network, HubJson.Options) }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static Network FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<Network>(entity.GetString("Json"), HubJson.Options)!;
}
