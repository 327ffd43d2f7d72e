using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using SharingHub.Pages.Text;

namespace SharingHub.Pages;

/// <summary>What the shared layout needs for every page: the language's texts, the page's title and where it lives.</summary>
public sealed record PageFrame(PageText Text, string Title, string Path, string StylesheetUrl)
{
    /// <summary>
    /// The page's one address in bokmål (scheme, host, path and the query that matters). The layout turns it into each
    /// language's address (<see cref="PageLanguage.Address"/>) for rel="canonical", og:url and the hreflang alternates.
    /// </summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>This request's own path and query without the language parameter: where the language switch leads.</summary>
    public string BokmalAddress { get; init; } = Path;

    /// <summary>"article" for a story, "website" otherwise (Open Graph, so a link pasted in Teams unfurls).</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>A one-sentence description for search engines and link previews.</summary>
    public string? Description { get; init; }

    /// <summary>The Atom feed that follows this page, linked as rel="alternate" for feed readers.</summary>
    public string? FeedUrl { get; init; }

    /// <summary>Signed-in pages: kept out of search engines (and out of the sitemap).</summary>
    public bool NoIndex { get; init; }

    /// <summary>The title in the browser tab: the page's title and the site's name (the front page: the site's name only).</summary>
    public string DocumentTitle => Title == Text.SiteName ? Title : $"{Title} – {Text.SiteName}";
}

/// <summary>How page handlers start and finish: the frame for this request, and the component to render with its model.</summary>
public static class Page
{
    /// <summary>Names sorted as Norwegians expect (… X Y Z Æ Ø Å).</summary>
    public static StringComparer NorwegianOrder { get; } = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), ignoreCase: false);

    /// <summary>The texts for this request: bokmål, or nynorsk with ?sprak=nn (<see cref="PageLanguage"/>).</summary>
    public static PageText Text(HttpRequest request) => PageLanguage.Of(request);

    public static PageFrame Frame(HttpRequest request, string title) =>
        new(Text(request), title, request.Path.Value ?? "/", PageStyles.Instance.Url)
        {
            CanonicalUrl = Origin(request) + request.Path.Value,
            BokmalAddress = PageLanguage.BokmalAddress(request),
        };

    /// <summary>Where this request's pages live ("https://host"), for absolute links: <c>Pages:PublicBaseUrl</c> when set.</summary>
    public static string Origin(HttpRequest request) => PublicSite.Origin(request);

    public static PageResult Render<TComponent>(object model, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent => new(typeof(TComponent), model, statusCode);

    /// <summary>The 404 page: said the same way whether the thing never existed or is not published.</summary>
    public static PageResult NotFound(HttpRequest request) =>
        Render<NotFoundPage>(new NotFoundView(Frame(request, Text(request).NotFoundTitle) with { CanonicalUrl = null }), StatusCodes.Status404NotFound);
}

public sealed record NotFoundView(PageFrame Frame);
