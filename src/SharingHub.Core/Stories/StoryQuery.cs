namespace SharingHub.Stories;

/// <summary>A validated listing request. Facet values are already checked against the reference data.</summary>
public sealed record StoryQuery
{
    public StoryStatus Status { get; init; } = StoryStatus.Published;
    public int? Goal { get; init; }
    public string? Target { get; init; }
    public string? Kommune { get; init; }
    public string? Fylke { get; init; }
    public string? Network { get; init; }
    public string? Sector { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = 20;
    public string? ContinuationToken { get; init; }

    /// <summary>The facet filters in the order a listing prefers to read by (most selective first).</summary>
    public IReadOnlyList<(string Facet, string Value)> Filters()
    {
        var filters = new List<(string, string)>();
        if (Target is not null) filters.Add((StoryFacets.Target, Target));
        if (Kommune is not null) filters.Add((StoryFacets.Kommune, Kommune));
        if (Goal is not null) filters.Add((StoryFacets.Goal, Goal.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Sector is not null) filters.Add((StoryFacets.Sector, Sector));
        if (Network is not null) filters.Add((StoryFacets.Network, Network));
        if (Fylke is not null) filters.Add((StoryFacets.Fylke, Fylke));
        return filters;
    }
}

public sealed record StoryPage(IReadOnlyList<Story> Items, string? ContinuationToken);
