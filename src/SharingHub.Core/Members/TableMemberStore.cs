using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Members;

/// <summary>One row per membership in one partition: the list is read whole (members are counted in hundreds, not millions).</summary>
public sealed class TableMemberStore(HubStorage storage) : IMemberStore
{
    public const string TableName = "members";
    private const string Partition = "member";

    private TableClient Table => storage.Table(TableName);

    public Task AddAsync(Member member, CancellationToken ct) => Table.AddEntityAsync(ToEntity(member), ct);

    public async Task<IReadOnlyList<Member>> ListAsync(CancellationToken ct)
    {
        var members = new List<Member>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            members.Add(FromEntity(row));
        }
        return [.. members.OrderBy(m => m.Email, StringComparer.Ordinal).ThenBy(m => m.InvitedAt)];
    }

    public async Task<Member?> GetAsync(string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public Task UpdateAsync(Member member, CancellationToken ct) => Table.UpsertEntityAsync(ToEntity(member), TableUpdateMode.Replace, ct);

    public async Task<bool> RemoveAsync(string id, CancellationToken ct) =>
        (await Table.DeleteEntityAsync(Partition, id, cancellationToken: ct)).Status != 404;

    private static TableEntity ToEntity(Member member) => new(Partition, member.Id) { ["Doc"] = JsonSerializer.Serialize(member, HubJson.Options) };

    private static Member FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<Member>(entity.GetString("Doc"), HubJson.Options)
        ?? throw new RequestFailedException($"Member row {entity.RowKey} holds no document.");
}
