namespace SharingHub.Search;

/// <summary>
/// The fields of an index document. Each text field has a compound sibling (<see cref="Heads"/>) that holds the heads of
/// its compound words, so "avfall" finds "matavfall" (docs/search.md explains the choice).
/// </summary>
public static class SearchFields
{
    /// <summary>Unique per document: "story:{id}", "episode:{id}", "transcript:{id}:{n}".</summary>
    public const string Key = "key";

    /// <summary>The entity a document belongs to ("story:{id}" or "episode:{id}"): an episode's transcript documents share it.</summary>
    public const string Entity = "entity";

    /// <summary>"story", "episode" or "transcript" (a transcript hit answers as type episode).</summary>
    public const string Kind = "kind";

    public const string Id = "id";
    public const string DisplayTitle = "displayTitle";
    public const string PresentationId = "presentationId";
    public const string StartSeconds = "startSeconds";

    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Transcript = "transcript";

    /// <summary>Text fields in falling weight: title counts more than summary, summary more than body, body more than transcript.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Text =
        [(Title, 8f), (Summary, 4f), (Body, 2f), (Transcript, 1f)];

    public const string HeadSuffix = "_h";

    public static string Heads(string field) => field + HeadSuffix;

    public static bool IsHeads(string field) => field.EndsWith(HeadSuffix, StringComparison.Ordinal);

    // Facets, named as the story listing names them (its filters are applied by name): indexed as terms for filtering;
    // goal and fylke also as doc values for counting.
    public const string Goal = Stories.StoryFacets.Goal;
    public const string Target = Stories.StoryFacets.Target;
    public const string Kommune = Stories.StoryFacets.Kommune;
    public const string Fylke = Stories.StoryFacets.Fylke;
    public const string Network = Stories.StoryFacets.Network;
    public const string Sector = Stories.StoryFacets.Sector;
}
