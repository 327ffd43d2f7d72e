using System.Text;
using Azure;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Storage;

namespace SharingHub.Stories;

/// <summary>Stories in Table Storage: one main row per story, facet index rows for listings, natural keys for dedup. See docs/storage.md.</summary>
public sealed class TableStoryStore(HubStorage storage) : IStoryStore
{
    private const int BatchSize = 100; // Table Storage's limit per transaction
    private const int Parallelism = 32;

    private TableClient Main => storage.Table(StoryEntities.MainTable);
    private TableClient Index(string partitionKey) => storage.Table(StoryEntities.IndexTableOf(partitionKey));
    private TableClient Keys => storage.Table(StoryEntities.KeyTable);

    public async Task<StoredStory?> GetAsync(string id, CancellationToken ct)
    {
        if (!IsKeySafe(id))
        {
            return null;
        }
        var row = await Main.GetEntityIfExistsAsync<TableEntity>(id, StoryEntities.MainRowKey(id), cancellationToken: ct);
        return row.HasValue ? new StoredStory(StoryEntities.FromMain(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task CreateAsync(Story story, CancellationToken ct)
    {
        // The index rows go out with the main row, not after it: one round trip less per story. A listing skips an
        // index row whose story it cannot read, so a row that arrives first (or alone, after a crash) shows nothing.
        var added = TryAddMainAsync(story, ct);
        await Task.WhenAll(added, EnsureIndexedAsync(story, ct));
        if (!await added)
        {
            throw new ConflictException($"Story '{story.Id}' exists already.");
        }
    }

    private async Task<bool> TryAddMainAsync(Story story, CancellationToken ct)
    {
        try
        {
            await Main.AddEntityAsync(StoryEntities.Main(story), ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> ReplaceAsync(StoredStory previous, Story updated, CancellationToken ct)
    {
        try
        {
            await Main.UpdateEntityAsync(StoryEntities.Main(updated), new ETag(previous.Stamp), TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
        // The main row is the truth; index rows follow. A listing re-checks every row it returns against the main row,
        // so a crash between these steps can hide or delay a story in a listing, never show it where it does not belong.
        var fresh = StoryEntities.Index(updated).ToList();
        var keep = fresh.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
        var stale = StoryEntities.Index(previous.Story).Where(r => !keep.Contains((r.PartitionKey, r.RowKey)));
        await Task.WhenAll(fresh.Select(row => Index(row.PartitionKey).UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
        await Task.WhenAll(stale.Select(row => DeleteIfExistsAsync(Index(row.PartitionKey), row, ct)));
        return true;
    }

    public async Task<StoryPage> ListAsync(StoryQuery query, CancellationToken ct)
    {
        var filters = query.Filters();
        var (facet, value) = filters.Count > 0 ? filters[0] : (StoryFacets.All, "-");
        var partition = StoryEntities.IndexPartition(query.Status, facet, value);
        var newest = query.To is { } to ? StoryEntities.InvertedTicks(to) : string.Empty;
        var oldest = query.From is { } from ? StoryEntities.InvertedTicks(from) + "|~" : "~";
        var after = DecodeToken(query.ContinuationToken);

        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {newest} and RowKey le {oldest}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey le {oldest}");

        var candidates = new List<(string RowKey, string StoryId)>();
        string? continuation = null;
        await foreach (var row in Index(partition).QueryAsync<TableEntity>(filter, maxPerPage: filters.Count <= 1 ? query.Limit : Math.Min(1000, query.Limit * 4), select: ["RowKey", "StoryId", "F"], cancellationToken: ct))
        {
            var signature = row.GetString("F") ?? string.Empty;
            if (filters.Skip(1).All(f => StoryFacets.SignatureHas(signature, f.Facet, f.Value)))
            {
                candidates.Add((row.RowKey, row.GetString("StoryId")));
                if (candidates.Count == query.Limit)
                {
                    continuation = EncodeToken(row.RowKey);
                    break;
                }
            }
        }

        var stories = await Task.WhenAll(candidates.Select(c => GetAsync(c.StoryId, ct)));
        var items = stories.Zip(candidates)
            .Where(pair => pair.First is { } s && Matches(s.Story, query) && StoryEntities.IndexRowKey(s.Story.SortTime, s.Story.Id) == pair.Second.RowKey)
            .Select(pair => pair.First!.Story)
            .ToList();
        return new StoryPage(items, continuation);
    }

    public async Task<IReadOnlyList<Story>> ListPublishedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        // One filtered query over the main rows instead of the index and a point read per story: a round reads every
        // story published since the oldest due subscription's last digest, and those reads were most of its time.
        var published = StoryEntities.Status(StoryStatus.Published);
        var filter = TableClient.CreateQueryFilter($"Status eq {published} and SortTime ge {since}");
        var stories = new List<Story>();
        await foreach (var row in Main.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            var story = StoryEntities.FromMain(row);
            if (story.Status == StoryStatus.Published && story.PublishedAt >= since)
            {
                stories.Add(story);
            }
        }
        return stories.OrderByDescending(s => s.PublishedAt).ToList();
    }

    public async Task<string> ClaimSourceKeyAsync(string source, string network, string sourceId, string storyId, CancellationToken ct)
    {
        var key = StoryEntities.SourceKey(source, network, sourceId, storyId);
        try
        {
            await Keys.AddEntityAsync(key, ct);
            return storyId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Keys.GetEntityAsync<TableEntity>(key.PartitionKey, key.RowKey, select: ["StoryId"], cancellationToken: ct);
            return existing.Value.GetString("StoryId");
        }
    }

    public async Task<IReadOnlyList<ImportOutcome>> CreateManyAsync(IReadOnlyList<(Story Story, string? SourceKey)> stories, CancellationToken ct)
    {
        // 1. Claim natural keys in batches; a batch that hits an existing key is retried row by row to learn which.
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyed = stories.Where(s => s.SourceKey is not null)
            .Select(s => StoryEntities.SourceKey(s.Story.Source, s.Story.Network, s.SourceKey!, s.Story.Id))
            .ToList();
        var claims = await RunBatchesAsync(_ => Keys, keyed, TableTransactionActionType.Add, ct);
        foreach (var (entity, holder) in claims)
        {
            holders[entity.GetString("StoryId")] = holder;
        }

        // 2. A key held by a story that does not exist was left by an import that stopped half-way: this row takes it over.
        //    A story that does exist gets its index rows rewritten, which finishes the work of such an import too.
        var held = stories.Where(s => holders.TryGetValue(s.Story.Id, out var holder) && holder != s.Story.Id).ToList();
        var holderRows = await ReadManyAsync(held.Select(s => holders[s.Story.Id]).Distinct().ToList(), ct);
        var outcomes = new List<ImportOutcome>(stories.Count);
        var fresh = new List<Story>();
        var existing = new List<Story>();
        foreach (var (story, _) in stories)
        {
            var holder = holders.GetValueOrDefault(story.Id, story.Id);
            if (holder == story.Id)
            {
                fresh.Add(story);
                outcomes.Add(new ImportOutcome(story.Id, story.Id, Created: true));
            }
            else if (holderRows.TryGetValue(holder, out var stored))
            {
                existing.Add(stored);
                outcomes.Add(new ImportOutcome(story.Id, holder, Created: false));
            }
            else
            {
                fresh.Add(story with { Id = holder });
                outcomes.Add(new ImportOutcome(holder, holder, Created: true));
            }
        }

        // 3. Main rows: each story is its own partition, so they go one by one, in parallel.
        var written = new System.Collections.Concurrent.ConcurrentBag<Story>();
        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (story, token) =>
        {
            try
            {
                await Main.AddEntityAsync(StoryEntities.Main(story), token);
                written.Add(story);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Only a key taken over in step 2 can collide: a concurrent import took it over first and indexes it itself.
            }
        });

        // 4. Index rows share partitions ("submitted|network|trondelag"), so they batch well.
        var indexed = written.Concat(existing).DistinctBy(s => s.Id);
        await RunBatchesAsync(Index, indexed.SelectMany(StoryEntities.Index).ToList(), TableTransactionActionType.UpsertReplace, ct);
        return outcomes;
    }

    public Task EnsureIndexedAsync(Story story, CancellationToken ct) =>
        Task.WhenAll(StoryEntities.Index(story).Select(row => Index(row.PartitionKey).UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));

    private async Task<Dictionary<string, Story>> ReadManyAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, Story>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, token) =>
        {
            if (await GetAsync(id, token) is { } stored)
            {
                found[id] = stored.Story;
            }
        });
        return new Dictionary<string, Story>(found, StringComparer.Ordinal);
    }

    /// <summary>Groups entities by partition into transactions of up to 100, run in parallel.</summary>
    /// <returns>For added key rows: each entity with the story id that holds its key afterwards.</returns>
    private async Task<IReadOnlyList<(TableEntity Entity, string Holder)>> RunBatchesAsync(
        Func<string, TableClient> tableFor, IReadOnlyList<TableEntity> entities, TableTransactionActionType action, CancellationToken ct)
    {
        var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(BatchSize)).ToList();
        var results = new System.Collections.Concurrent.ConcurrentBag<(TableEntity, string)>();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism / 2, CancellationToken = ct }, async (batch, token) =>
        {
            try
            {
                await tableFor(batch[0].PartitionKey).SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(action, e)), token);
                foreach (var entity in batch)
                {
                    results.Add((entity, entity.GetString("StoryId") ?? string.Empty));
                }
            }
            catch (TableTransactionFailedException) when (action == TableTransactionActionType.Add)
            {
                foreach (var entity in batch)
                {
                    var holder = await ClaimSourceKeyAsync(entity, token);
                    results.Add((entity, holder));
                }
            }
        });
        return [.. results];
    }

    private async Task<string> ClaimSourceKeyAsync(TableEntity key, CancellationToken ct)
    {
        try
        {
            await Keys.AddEntityAsync(key, ct);
            return key.GetString("StoryId");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Keys.GetEntityAsync<TableEntity>(key.PartitionKey, key.RowKey, select: ["StoryId"], cancellationToken: ct);
            return existing.Value.GetString("StoryId");
        }
    }

    private static bool Matches(Story story, StoryQuery query)
    {
        if (story.Status != query.Status)
        {
            return false;
        }
        var facets = StoryFacets.Of(story).ToHashSet();
        return query.Filters().All(facets.Contains)
            && (query.From is null || story.SortTime >= query.From)
            && (query.To is null || story.SortTime <= query.To);
    }

    private static async Task DeleteIfExistsAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static bool IsKeySafe(string id) =>
        id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private static string EncodeToken(string rowKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string? token)
    {
        if (token is null)
        {
            return null;
        }
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var rowKey = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (rowKey.Length is > 19 and < 100 && rowKey[19] == '|' && rowKey[..19].All(char.IsAsciiDigit))
            {
                return rowKey;
            }
        }
        catch (FormatException)
        {
        }
        throw ValidationFailedException.For("continuationToken", "is not a token this API issued");
    }
}

/// <summary>What became of one story in a batch: created, or already held by an earlier story with the same natural key.</summary>
public sealed record ImportOutcome(string StoryId, string HeldBy, bool Created);
