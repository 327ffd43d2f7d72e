namespace SharingHub.Stories.Import;

/// <summary>What an import did, row by row. Row numbers are those a spreadsheet shows (the CSV header is row 1; NDJSON counts lines from 1).</summary>
public sealed record ImportReport(int Received, int Created, int Existing, int Failed, IReadOnlyList<ImportRowResult> Rows);

public sealed record ImportRowResult(int Row, string Outcome, string? StoryId, IReadOnlyDictionary<string, string[]>? Errors)
{
    public const string CreatedOutcome = "created";
    public const string ExistingOutcome = "existing";
    public const string FailedOutcome = "failed";
}

/// <summary>One parsed row: its number, the draft it describes, and what could not even be parsed.</summary>
public sealed record ImportRow(int Row, StoryDraft Draft, IReadOnlyDictionary<string, string> ParseErrors);
