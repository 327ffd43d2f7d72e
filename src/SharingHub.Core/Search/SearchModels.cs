using SharingHub.Stories;

namespace SharingHub.Search;

/// <summary>A checked search request: the user's words, the facet filters (as in the story listing), the type and the page.</summary>
public sealed record SearchRequest(string Text, UserWords Words, StoryQuery Facets, string? Type, int Limit, int Offset);

/// <summary>
/// One page of hits, best first. <see cref="Total"/> counts every hit; <see cref="Facets"/> count goals and counties over
/// the whole result, not just this page.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, int Total, SearchFacets Facets, string? ContinuationToken)
{
    public static SearchPage Empty { get; } = new([], 0, new SearchFacets([], []), null);
}

/// <summary>
/// A story or an episode. <see cref="Snippet"/> is HTML: the matching words in &lt;mark&gt;, everything else encoded.
/// A transcript hit has <see cref="PresentationId"/> (when the minute falls in a presentation) and <see cref="StartSeconds"/>.
/// <see cref="Url"/> is the page's path (a transcript hit: the recording from that second); the API makes it absolute.
/// </summary>
public sealed record SearchHit(string Type, string Id, string Title, string Url, string Snippet, string? PresentationId, double? StartSeconds);

public sealed record SearchFacets(IReadOnlyList<FacetCount> Goal, IReadOnlyList<FacetCount> Fylke);

public sealed record FacetCount(string Value, string Name, int Count);
