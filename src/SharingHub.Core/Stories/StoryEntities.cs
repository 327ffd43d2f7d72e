using System.Globalization;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Common.Storage;

namespace SharingHub.Stories;

/// <summary>
/// How stories lie in Table Storage (docs/storage.md). Public so that the benchmark writes exactly the same entities.
/// </summary>
public static class StoryEntities
{
    public const string MainTable = "stories";
    /// <summary>The index is one table per facet ("storyindexkommune"): a query then only ever touches its facet's rows,
    /// which matters where queries are not served by key range (the Azurite emulator scans the whole table).</summary>
    public const string IndexTable = "storyindex";
    public const string KeyTable = "storykeys";

    /// <summary>The main row's key is the id again: Azurite finds a row through its row-key index only, so a constant
    /// row key ("story") made every point read there scan the whole table. In Table Storage either is a point read.</summary>
    public static string MainRowKey(string id) => id;

    public static TableEntity Main(Story story)
    {
        var entity = new TableEntity(story.Id, MainRowKey(story.Id))
        {
            ["Status"] = Status(story.Status),
            ["Network"] = story.Network,
            ["StoryVersion"] = story.Version,
            ["SortTime"] = story.SortTime,
        };
        JsonColumns.Write(entity, story);
        return entity;
    }

    public static Story FromMain(TableEntity entity) => JsonColumns.Read<Story>(entity);

    /// <summary>One row per facet value the story is listed under, in the partition of its status.</summary>
    public static IEnumerable<TableEntity> Index(Story story)
    {
        var rowKey = IndexRowKey(story.SortTime, story.Id);
        var signature = StoryFacets.Signature(story);
        return StoryFacets.Of(story).Select(f => new TableEntity(IndexPartition(story.Status, f.Facet, f.Value), rowKey)
        {
            ["StoryId"] = story.Id,
            ["F"] = signature,
        });
    }

    public static IReadOnlyList<string> IndexTables { get; } = [.. StoryFacets.Names.Select(f => IndexTable + f)];

    /// <summary>The table an index row with this partition key ("published|kommune|3203") lives in.</summary>
    public static string IndexTableOf(string partitionKey) => IndexTable + partitionKey.Split('|')[1];

    public static string IndexPartition(StoryStatus status, string facet, string value) => $"{Status(status)}|{facet}|{value}";

    /// <summary>Newest first: Table Storage sorts row keys ascending, so the key is the time counted down from the end of time.</summary>
    public static string IndexRowKey(DateTimeOffset sortTime, string id) => $"{InvertedTicks(sortTime)}|{id}";

    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The claim on a natural key: only its hash is stored, since a source id can hold personal data (an address in a feed link).</summary>
    public static TableEntity SourceKey(string source, string network, string sourceId, string storyId) =>
        new(SourceKeyPartition(source, network), Hashing.Sha256Hex(sourceId))
        {
            ["StoryId"] = storyId,
        };

    public static string SourceKeyPartition(string source, string network) => $"{source}|{network}";

    public static string Status(StoryStatus status) => status.ToString().ToLowerInvariant();
}
