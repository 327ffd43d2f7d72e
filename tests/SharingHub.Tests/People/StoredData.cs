using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SharingHub.Testing;

namespace SharingHub.Tests.People;

/// <summary>
/// Reads everything a hub stored, with the SDK and not through the API: every row of every table, every blob of every
/// container and every message of every queue under the hub's prefix, whatever feature wrote it.
/// </summary>
internal static class StoredData
{
    /// <summary>
    /// Where any of <paramref name="texts"/> is stored ("table storykeys: row …, column SourceId", "blob digest-outbox/….json"),
    /// as written or HTML-, URL- or JSON-escaped.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PlacesHoldingAsync(HubApp hub, params string[] texts)
    {
        var places = new List<string>();
        void Check(string place, string? value)
        {
            if (value is not null && Forms(value).Any(form => texts.Any(t => form.Contains(t, StringComparison.OrdinalIgnoreCase))))
            {
                places.Add(place);
            }
        }

        var tables = new TableServiceClient(hub.StorageConnectionString);
        await foreach (var table in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {hub.Prefix} and TableName lt {hub.Prefix + "~"}")))
        {
            var name = table.Name[hub.Prefix.Length..];
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var where = $"table {name}: row {row.PartitionKey}/{row.RowKey}";
                Check($"{where}, keys", row.PartitionKey + "\n" + row.RowKey);
                foreach (var (column, value) in row)
                {
                    Check($"{where}, column {column}", value switch
                    {
                        byte[] bytes => Text(bytes),
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
            }
        }

        var blobs = new BlobServiceClient(hub.StorageConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: hub.Prefix + "-"))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                Check($"blob {container.Name[(hub.Prefix.Length + 1)..]}/{blob.Name}", blob.Name + "\n" + content.Value.Content.ToString());
            }
        }

        var queues = new QueueServiceClient(hub.StorageConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: hub.Prefix + "-"))
        {
            var client = queues.GetQueueClient(queue.Name);
            // Received, not peeked (a peek sees at most 32), and left invisible: the test is over once it scans.
            while ((await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } messages)
            {
                foreach (var message in messages)
                {
                    Check($"queue {queue.Name[(hub.Prefix.Length + 1)..]}: message {message.MessageId}", message.Body.ToString());
                }
            }
        }
        return places;
    }

    /// <summary>Bytes as text, gunzipped first where they are gzip (a delivery's message is stored compressed).</summary>
    private static string Text(byte[] bytes)
    {
        if (bytes is not [0x1f, 0x8b, ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The value as stored and as a reader would see it: HTML entities, %-escapes and JSON string escapes undone.</summary>
    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        yield return WebUtility.HtmlDecode(value);
        yield return WebUtility.UrlDecode(value);
        if (value.TrimStart() is ['{', ..] or ['[', ..])
        {
            JsonDocument? json = null;
            try
            {
                json = JsonDocument.Parse(value);
            }
            catch (JsonException)
            {
            }
            if (json is not null)
            {
                using (json)
                {
                    foreach (var text in Strings(json.RootElement))
                    {
                        yield return text;
                        yield return WebUtility.HtmlDecode(text);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
