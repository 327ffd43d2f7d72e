using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Networks;
using SharingHub.Search;

namespace SharingHub.Stories.Import;

/// <summary>
/// POST /api/stories/import: a CSV or NDJSON batch ("Tour de Trøndelag", a few hundred rows). Valid rows are stored,
/// invalid rows are reported by row, field and reason. Source + network + source id is the natural key, so a file
/// imported twice creates nothing new.
/// </summary>
public sealed class StoryImporter(StoryService stories, IStoryStore store, NetworkService networks, ISearchNoticeQueue searchNotices, TimeProvider clock, ILogger<StoryImporter> logger)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 5_000;

    private static readonly string[] ImportStatuses = ["draft", "submitted", "published"];
    private static readonly StoryDraft Unread = new();

    /// <param name="mayWrite">Whether the caller may write stories of a network; rows of other networks fail. Null: no restriction.</param>
    public async Task<ImportReport> ImportAsync(HttpRequest request, CancellationToken ct, Func<string, bool>? mayWrite = null)
    {
        RequestBody.RequireContentType(request, "text/csv", "application/x-ndjson", "application/ndjson");
        var reader = new QueryReader(request.Query);
        var defaultNetwork = reader.String("network", 40);
        var status = Enum.Parse<StoryStatus>(reader.OneOf("status", ImportStatuses) ?? "submitted", ignoreCase: true);
        reader.ThrowIfInvalid();
        await RequireNetworkAsync(defaultNetwork, ct);
        var bytes = await RequestBody.ReadLimitedAsync(request, MaxBytes, ct);
        return await ImportFileAsync(bytes, request.ContentType!.Contains("csv", StringComparison.OrdinalIgnoreCase), defaultNetwork, status, ct, mayWrite);
    }

    /// <summary>
    /// A file's bytes (CSV or NDJSON, UTF-8), from the API's body or the workspace's upload: read into rows and imported.
    /// A <paramref name="defaultNetwork"/> that does not exist is one error for the whole file, not one per row.
    /// </summary>
    public async Task<ImportReport> ImportFileAsync(
        byte[] bytes, bool csv, string? defaultNetwork, StoryStatus status, CancellationToken ct, Func<string, bool>? mayWrite = null)
    {
        await RequireNetworkAsync(defaultNetwork, ct);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw ValidationFailedException.For("file", "is not UTF-8; save it as 'CSV UTF-8' (Excel) or UTF-8 text");
        }
        text = text.TrimStart('\uFEFF');
        var rows = csv ? CsvStoryReader.Read(text, MaxRows) : await NdjsonStoryReader.ReadAsync(new StringReader(text), MaxRows, ct);
        return await ImportRowsAsync(rows, defaultNetwork, status, ct, mayWrite);
    }

    /// <summary>The statuses an import may give its stories.</summary>
    public static IReadOnlyList<string> Statuses => ImportStatuses;

    private async Task RequireNetworkAsync(string? defaultNetwork, CancellationToken ct)
    {
        if (defaultNetwork is not null && !await networks.ExistsAsync(defaultNetwork, ct))
        {
            // One wrong query parameter would fail every row; say it once instead.
            throw ValidationFailedException.For("network", $"'{defaultNetwork}' is not a registered network (GET /api/networks lists them)");
        }
    }

    public async Task<ImportReport> ImportRowsAsync(
        IReadOnlyList<ImportRow> rows, string? defaultNetwork, StoryStatus status, CancellationToken ct, Func<string, bool>? mayWrite = null)
    {
        var results = new SortedDictionary<int, ImportRowResult>();
        var pending = new List<(ImportRow Row, Story Story, string Key)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        foreach (var row in rows)
        {
            var errors = new ValidationErrors();
            foreach (var (field, reason) in row.ParseErrors)
            {
                errors.Add(field, reason);
            }
            if (errors.ToDictionary().ContainsKey("row") || (!errors.IsEmpty && row.Draft == Unread))
            {
                // The line could not be read at all: its field rules would only repeat that.
                results[row.Row] = new ImportRowResult(row.Row, ImportRowResult.FailedOutcome, null, errors.ToDictionary());
                continue;
            }
            var draft = row.Draft.Network is null && defaultNetwork is not null ? row.Draft with { Network = defaultNetwork } : row.Draft;
            var content = await stories.ValidateAsync(draft, ct, errors);
            var sourceId = StoryValidator.SourceId(errors, draft.SourceId);
            if (mayWrite is not null && content.Network.Length > 0 && !mayWrite(content.Network))
            {
                errors.Add("network", $"you are not the secretariat of '{content.Network}'");
            }
            var key = sourceId ?? $"title:{content.Title.ToLowerInvariant()}|{content.Kommunenummer ?? content.Fylkesnummer}";
            if (errors.IsEmpty && seen.TryGetValue(key, out var firstRow))
            {
                errors.Add(sourceId is null ? "title" : "sourceId", $"repeats row {firstRow} of this file");
            }
            if (!errors.IsEmpty)
            {
                results[row.Row] = new ImportRowResult(row.Row, ImportRowResult.FailedOutcome, null, errors.ToDictionary());
                continue;
            }
            seen[key] = row.Row;
            pending.Add((row, new Story(content)
            {
                Id = StoryService.NewId(),
                Status = status,
                Source = StorySources.Import,
                SourceId = sourceId,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = status == StoryStatus.Published ? now : null,
                Version = 1,
            }, key));
        }

        var outcomes = await store.CreateManyAsync(pending.Select(p => (p.Story, (string?)p.Key)).ToList(), ct);
        if (status == StoryStatus.Published)
        {
            await searchNotices.NotifyAsync(SearchNotice.StoryKind, [.. outcomes.Where(o => o.Created).Select(o => o.StoryId)], logger, ct);
        }
        foreach (var ((row, _, _), outcome) in pending.Zip(outcomes))
        {
            results[row.Row] = new ImportRowResult(row.Row,
                outcome.Created ? ImportRowResult.CreatedOutcome : ImportRowResult.ExistingOutcome, outcome.HeldBy, null);
        }

        var report = new ImportReport(rows.Count,
            results.Values.Count(r => r.Outcome == ImportRowResult.CreatedOutcome),
            results.Values.Count(r => r.Outcome == ImportRowResult.ExistingOutcome),
            results.Values.Count(r => r.Outcome == ImportRowResult.FailedOutcome),
            [.. results.Values]);
        logger.LogInformation("Import: {Received} rows, {Created} created, {Existing} existing, {Failed} failed",
            report.Received, report.Created, report.Existing, report.Failed);
        return report;
    }
}
