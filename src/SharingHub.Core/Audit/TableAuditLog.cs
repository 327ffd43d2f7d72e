using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Audit;

/// <summary>
/// Each entry is written twice with AddEntity (never Upsert, Update or Delete): under its entity ("e|stories/abc") and under its
/// UTC day ("d|20261123"). Row keys are inverted time + random, so entries list newest first and can never overwrite each other.
/// </summary>
public sealed class TableAuditLog(HubStorage storage) : IAuditLog
{
    public const string TableName = "audit";
    public const int MaxDays = 31;

    private TableClient Table => storage.Table(TableName);

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct) =>
        await Task.WhenAll(Rows(entry).Select(row => Table.AddEntityAsync(row, ct)));

    /// <summary>
    /// The continuation token for the entries after (older than) this one: its row key. Entries at the same instant keep
    /// their order by id, so a page never loses or repeats one, as a time cursor would.
    /// </summary>
    public static string ContinuationAfter(AuditEntry entry) => $"{InvertedTicks(entry.At)}|{entry.Id}";

    /// <summary>Whether a token has the form <see cref="ContinuationAfter"/> gives (19 digits, '|', 16 hex digits).</summary>
    public static bool IsContinuation(string token) =>
        token.Length == 36 && token[19] == '|' && token[..19].All(char.IsAsciiDigit) && token[20..].All(char.IsAsciiHexDigitLower);

    /// <summary>The two rows an entry is kept as: by entity and by day. Public so that the benchmark writes the same entities.</summary>
    public static IReadOnlyList<TableEntity> Rows(AuditEntry entry)
    {
        var rowKey = ContinuationAfter(entry);
        var doc = JsonSerializer.Serialize(entry, HubJson.Options);
        return
        [
            new TableEntity(EntityPartition(entry.Entity), rowKey) { ["Doc"] = doc },
            new TableEntity(DayPartition(entry.At), rowKey) { ["Doc"] = doc },
        ];
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        var partitions = query.Entity is not null
            ? [EntityPartition(query.Entity)]
            : Days(query.From, query.To).Select(DayPartition).ToList();
        var newest = InvertedTicks(query.To);
        var oldest = InvertedTicks(query.From) + "|~";
        var entries = new List<AuditEntry>();
        foreach (var partition in partitions)
        {
            var filter = query.After is { } after
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {newest} and RowKey gt {after} and RowKey le {oldest}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {newest} and RowKey le {oldest}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, query.Limit), select: ["Doc"], cancellationToken: ct))
            {
                entries.Add(JsonSerializer.Deserialize<AuditEntry>(row.GetString("Doc"), HubJson.Options)!);
                if (entries.Count == query.Limit)
                {
                    return entries;
                }
            }
        }
        return entries;
    }

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string EntityPartition(string entity) => "e|" + Hashing.Sha256Hex(entity);

    private static string DayPartition(DateTimeOffset day) => "d|" + day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IEnumerable<DateTimeOffset> Days(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = to.UtcDateTime.Date; day >= from.UtcDateTime.Date; day = day.AddDays(-1))
        {
            yield return new DateTimeOffset(day, TimeSpan.Zero);
        }
    }

    private static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
