using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Common.Http;

namespace SharingHub.Common.Storage;

/// <summary>
/// Keeps a document as JSON across as many string properties as it needs ("Doc0", "Doc1", …):
/// a table property holds at most 64 KiB, an entity 1 MiB.
/// </summary>
public static class JsonColumns
{
    private const int ChunkChars = 30_000;
    private const string Prefix = "Doc";

    public static void Write<T>(TableEntity entity, T document)
    {
        var json = JsonSerializer.Serialize(document, HubJson.Options);
        var chunks = 0;
        for (var offset = 0; offset < json.Length; offset += ChunkChars)
        {
            entity[$"{Prefix}{chunks++}"] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }
        entity["DocChunks"] = chunks;
    }

    public static T Read<T>(TableEntity entity)
    {
        var chunks = entity.GetInt32("DocChunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString($"{Prefix}{i}")));
        return JsonSerializer.Deserialize<T>(json, HubJson.Options)
            ?? throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} holds no document.");
    }
}
