using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SharingHub.Common;

namespace SharingHub.Stories.Import;

/// <summary>
/// Reads the import CSV (docs/import.md): UTF-8, a header row with the JSON field names, comma or semicolon separated.
/// Lists inside a cell: goals, targets and links separated by ';', recipe steps and local targets by '|'.
/// </summary>
public static class CsvStoryReader
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "sourceId", "title", "summary", "body", "kommunenummer", "fylkesnummer", "network", "organisation", "sector",
        "goals", "targets", "localTargets", "novelty", "targetGroup", "targetGroupInvolvement", "resources", "recipe",
        "results", "lessons", "links", "contactName", "contactEmail",
    ];

    public static List<ImportRow> Read(TextReader text, int maxRows) => Read(text.ReadToEnd(), maxRows);

    public static List<ImportRow> Read(string text, int maxRows)
    {
        var badRows = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(text),
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => badRows.Add(args.Context.Parser!.Row),
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw ValidationFailedException.For("file", "is empty; the first row must be the header (docs/import.md lists the columns)");
        }
        var header = csv.HeaderRecord;
        var errors = new ValidationErrors();
        foreach (var column in header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)))
        {
            errors.Add("header", $"'{column}' is not a column; the columns are {string.Join(", ", Columns)}");
        }
        if (!header.Contains("title"))
        {
            errors.Add("header", "must have a 'title' column");
        }
        errors.ThrowIfAny();

        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            if (rows.Count == maxRows)
            {
                throw ValidationFailedException.For("file", $"has more than {maxRows} rows; split it into smaller files");
            }
            var row = csv.Parser.Row;
            var parseErrors = new Dictionary<string, string>();
            string? Cell(string name) => header.Contains(name) && csv.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
            if (badRows.Contains(row))
            {
                parseErrors["row"] = "has a stray quote; quote a cell that holds commas, semicolons, quotes or line breaks";
            }
            var draft = new StoryDraft
            {
                SourceId = Cell("sourceId"),
                Title = Cell("title"),
                Summary = Cell("summary"),
                Body = Cell("body"),
                Kommunenummer = Cell("kommunenummer"),
                Fylkesnummer = Cell("fylkesnummer"),
                Network = Cell("network"),
                Organisation = Cell("organisation"),
                Sector = Cell("sector"),
                Goals = Goals(Cell("goals"), parseErrors),
                Targets = Split(Cell("targets"), ';'),
                LocalTargets = LocalTargets(Cell("localTargets"), parseErrors),
                Novelty = Cell("novelty"),
                TargetGroup = Cell("targetGroup") is null && Cell("targetGroupInvolvement") is null
                    ? null
                    : new TargetGroup(Cell("targetGroup"), Cell("targetGroupInvolvement")),
                Resources = Cell("resources"),
                Recipe = Split(Cell("recipe"), '|'),
                Results = Cell("results"),
                Lessons = Cell("lessons"),
                Links = Split(Cell("links"), ';'),
                Contact = Cell("contactName") is null && Cell("contactEmail") is null ? null : new ContactPerson(Cell("contactName"), Cell("contactEmail")),
            };
            rows.Add(new ImportRow(row, draft, parseErrors));
        }
        return rows;
    }

    /// <summary>
    /// The separator is read from the header alone: column names never hold one, while data cells may hold ';' lists
    /// (a comma file) or unquoted commas in text (Excel's semicolon file), which would fool a guess over the whole file.
    /// </summary>
    private static string Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return new[] { ",", ";", "\t" }.MaxBy(d => header.Count(c => c == d[0]))!;
    }

    private static List<string?>? Split(string? cell, char separator) =>
        cell?.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<string?>().ToList();

    private static List<int>? Goals(string? cell, Dictionary<string, string> parseErrors)
    {
        var goals = new List<int>();
        foreach (var part in Split(cell, ';') ?? [])
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var goal))
            {
                goals.Add(goal);
            }
            else
            {
                parseErrors["goals"] = $"'{part}' is not a goal number; separate goals with ';' (12;4)";
            }
        }
        return cell is null ? null : goals;
    }

    private static List<LocalTarget?>? LocalTargets(string? cell, Dictionary<string, string> parseErrors)
    {
        var targets = new List<LocalTarget?>();
        foreach (var part in Split(cell, '|') ?? [])
        {
            var fields = part!.Split(':', 3, StringSplitOptions.TrimEntries);
            if (fields.Length < 2)
            {
                parseErrors["localTargets"] = $"'{part}' must be owner:code:text, such as 3203:3.9a:Redusere matsvinn";
                continue;
            }
            targets.Add(new LocalTarget(fields[0], fields[1], fields.Length > 2 ? fields[2] : null));
        }
        return cell is null ? null : targets;
    }
}
