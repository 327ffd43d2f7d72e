using Microsoft.AspNetCore.Components;
using SharingHub.Pages;

namespace SharingHub.Search.Pages;

/// <summary>
/// One hit. <see cref="Snippet"/> is the core's snippet: every character of the text HTML-encoded, the matching words in
/// &lt;mark&gt;; it is the only markup a page renders as is. A transcript hit also links to the recording from its second.
/// </summary>
public sealed record SearchHitView(string Title, string Url, string Kind, MarkupString Snippet, string? WatchUrl, string? WatchLabel);

/// <summary>A facet value as a link that narrows the search to it.</summary>
public sealed record FacetLink(string Name, int Count, string Url);

/// <summary>A filter in force, with the link that removes it.</summary>
public sealed record ActiveFilter(string Label, string RemoveUrl);

/// <summary>/sok: the form as the reader filled it in, what was wrong with it, and one page of hits with the facets.</summary>
public sealed record SearchPageView(
    PageFrame Frame,
    SearchForm Form,
    IReadOnlyList<(string Field, string Message)> Errors,
    int Total,
    IReadOnlyList<SearchHitView> Hits,
    IReadOnlyList<FacetLink> Goals,
    IReadOnlyList<FacetLink> Counties,
    IReadOnlyList<ActiveFilter> ActiveFilters,
    string? NextPageUrl)
{
    public bool HasResults => Form.Asked && Errors.Count == 0;

    public bool IsLaterPage => Form.ContinuationToken is not null;
}
