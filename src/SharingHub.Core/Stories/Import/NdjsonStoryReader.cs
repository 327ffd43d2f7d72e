using System.Text.Json;
using SharingHub.Common;
using SharingHub.Common.Http;

namespace SharingHub.Stories.Import;

/// <summary>Reads newline-delimited JSON: one story object (the POST /api/stories body) per line.</summary>
public static class NdjsonStoryReader
{
    public static async Task<List<ImportRow>> ReadAsync(TextReader text, int maxRows, CancellationToken ct)
    {
        var rows = new List<ImportRow>();
        var lineNumber = 0;
        while (await text.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (rows.Count == maxRows)
            {
                throw ValidationFailedException.For("file", $"has more than {maxRows} rows; split it into smaller files");
            }
            try
            {
                var draft = JsonSerializer.Deserialize<StoryDraft>(line, HubJson.Options);
                rows.Add(draft is null
                    ? new ImportRow(lineNumber, new StoryDraft(), new Dictionary<string, string> { ["row"] = "must be a JSON object, not null" })
                    : new ImportRow(lineNumber, draft, new Dictionary<string, string>()));
            }
            catch (JsonException ex)
            {
                rows.Add(new ImportRow(lineNumber, new StoryDraft(), new Dictionary<string, string> { [RequestBody.FieldOf(ex, "row")] = RequestBody.DescribeJsonError(ex) }));
            }
        }
        return rows;
    }
}
