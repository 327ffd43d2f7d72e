namespace SharingHub.Stories;

/// <summary>The facets a listing can filter on. Each becomes index partitions "{status}|{facet}|{value}" (see docs/storage.md).</summary>
public static class StoryFacets
{
    public const string All = "all";
    public const string Goal = "goal";
    public const string Target = "target";
    public const string Kommune = "kommune";
    public const string Fylke = "fylke";
    public const string Network = "network";
    public const string Sector = "sector";

    public static readonly IReadOnlyList<string> Names = [All, Goal, Target, Kommune, Fylke, Network, Sector];

    /// <summary>Every (facet, value) pair the story is found under, "all" included.</summary>
    public static IEnumerable<(string Facet, string Value)> Of(StoryContent story)
    {
        yield return (All, "-");
        foreach (var goal in story.Goals)
        {
            yield return (Goal, goal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var target in story.Targets)
        {
            yield return (Target, target);
        }
        if (story.Kommunenummer is { } kommune)
        {
            yield return (Kommune, kommune);
        }
        if (story.Fylkesnummer is { } fylke)
        {
            yield return (Fylke, fylke);
        }
        yield return (Network, story.Network);
        if (story.Sector is { } sector)
        {
            yield return (Sector, sector);
        }
    }

    /// <summary>A compact form kept on each index row, so that a listing on several facets filters rows before it reads stories.</summary>
    public static string Signature(StoryContent story) =>
        string.Join(";", Of(story).Where(f => f.Facet != All).Select(f => $"{f.Facet}:{f.Value}")) + ";";

    public static bool SignatureHas(string signature, string facet, string value) =>
        signature.Contains($"{facet}:{value};", StringComparison.Ordinal) &&
        (signature.StartsWith($"{facet}:{value};", StringComparison.Ordinal) || signature.Contains($";{facet}:{value};", StringComparison.Ordinal));
}
