using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Feeds;

/// <summary>
/// Sources: one partition per network (a network has a handful). Due index: one row per source keyed by its next-due
/// time, so the job reads only what is due. Polls: one partition per source, newest first.
/// </summary>
public sealed class TableFeedSourceStore(HubStorage storage) : IFeedSourceStore
{
    public const string SourcesTable = "feedsources";
    public const string DueTable = "feedsdue";
    public const string PollsTable = "feedpolls";
    private const string DuePartition = "due";

    private TableClient Sources => storage.Table(SourcesTable);
    private TableClient Due => storage.Table(DueTable);
    private TableClient Polls => storage.Table(PollsTable);

    public async Task<FeedSource?> GetAsync(string network, string id, CancellationToken ct)
    {
        if (!IsKeySafe(network) || !IsKeySafe(id))
        {
            return null;
        }
        var row = await Sources.GetEntityIfExistsAsync<TableEntity>(network, id, cancellationToken: ct);
        return row.HasValue ? Read<FeedSource>(row.Value!) : null;
    }

    public async Task<IReadOnlyList<FeedSource>> ListAsync(string network, CancellationToken ct)
    {
        var sources = new List<FeedSource>();
        await foreach (var row in Sources.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {network}"), cancellationToken: ct))
        {
            sources.Add(Read<FeedSource>(row));
        }
        return sources.OrderBy(s => s.CreatedAt).ToList();
    }

    public async Task AddAsync(FeedSource source, CancellationToken ct)
    {
        await Sources.AddEntityAsync(Write(source.Network, source.Id, source), ct);
        await Due.UpsertEntityAsync(DueRow(source), TableUpdateMode.Replace, ct);
    }

    public async Task<bool> ReplaceAsync(FeedSource previous, FeedSource updated, CancellationToken ct)
    {
        var current = await Sources.GetEntityIfExistsAsync<TableEntity>(previous.Network, previous.Id, cancellationToken: ct);
        if (!current.HasValue || Read<FeedSource>(current.Value!).Version != previous.Version)
        {
            return false;
        }
        try
        {
            await Sources.UpdateEntityAsync(Write(updated.Network, updated.Id, updated), current.Value!.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
        if (previous.NextDueAt != updated.NextDueAt)
        {
            await Due.UpsertEntityAsync(DueRow(updated), TableUpdateMode.Replace, ct);
            await DeleteIfExistsAsync(Due, DuePartition, DueKey(previous), ct);
        }
        return true;
    }

    public async Task<bool> DeleteAsync(FeedSource source, CancellationToken ct)
    {
        await DeleteIfExistsAsync(Due, DuePartition, DueKey(source), ct);
        return await DeleteIfExistsAsync(Sources, source.Network, source.Id, ct);
    }

    public async Task<IReadOnlyList<DueSource>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var upTo = Ticks(now) + "|~";
        var due = new List<DueSource>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and RowKey le {upTo}");
        await foreach (var row in Due.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey", "Network", "SourceId"], cancellationToken: ct))
        {
            var ticks = long.Parse(row.RowKey.AsSpan(0, row.RowKey.IndexOf('|')), CultureInfo.InvariantCulture);
            due.Add(new DueSource(row.GetString("Network"), row.GetString("SourceId"), new DateTimeOffset(ticks, TimeSpan.Zero)));
            if (due.Count == max)
            {
                break;
            }
        }
        return due;
    }

    public Task ForgetDueAsync(DueSource due, CancellationToken ct) =>
        DeleteIfExistsAsync(Due, DuePartition, $"{Ticks(due.DueAt)}|{due.Network}|{due.Id}", ct);

    public Task AddPollAsync(string network, FeedPoll poll, CancellationToken ct) =>
        Polls.AddEntityAsync(Write(PollPartition(network, poll.SourceId), $"{Inverted(poll.At)}|{Guid.NewGuid():N}", poll), ct);

    public async Task<IReadOnlyList<FeedPoll>> ListPollsAsync(string network, string sourceId, int limit, CancellationToken ct)
    {
        var polls = new List<FeedPoll>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PollPartition(network, sourceId)}");
        await foreach (var row in Polls.QueryAsync<TableEntity>(filter, maxPerPage: limit, cancellationToken: ct))
        {
            polls.Add(Read<FeedPoll>(row));
            if (polls.Count == limit)
            {
                break;
            }
        }
        return polls;
    }

    public async Task<int> RewritePollsAsync(Func<FeedPoll, FeedPoll> rewrite, CancellationToken ct)
    {
        var changed = 0;
        await foreach (var row in Polls.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            var json = row.GetString("Json");
            var rewritten = JsonSerializer.Serialize(rewrite(Read<FeedPoll>(row)), HubJson.Options);
            if (rewritten == json)
            {
                continue;
            }
            try
            {
                await Polls.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Json"] = rewritten }, row.ETag, TableUpdateMode.Replace, ct);
                changed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Poll records are only ever added: this one was deleted meanwhile.
            }
        }
        return changed;
    }

    private static TableEntity DueRow(FeedSource source) =>
        new(DuePartition, DueKey(source)) { ["Network"] = source.Network, ["SourceId"] = source.Id };

    private static string DueKey(FeedSource source) => $"{Ticks(source.NextDueAt)}|{source.Network}|{source.Id}";

    private static string PollPartition(string network, string sourceId) => $"{network}|{sourceId}";

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string Inverted(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity Write<T>(string partition, string row, T value) =>
        new(partition, row) { ["Json"] = JsonSerializer.Serialize(value, HubJson.Options) };

    private static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Json"), HubJson.Options)!;

    private static async Task<bool> DeleteIfExistsAsync(TableClient table, string partition, string row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    // Route values reach the keys: characters Table Storage forbids in keys are simply "not found".
    private static bool IsKeySafe(string key) =>
        key.Length is > 0 and <= 200 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
