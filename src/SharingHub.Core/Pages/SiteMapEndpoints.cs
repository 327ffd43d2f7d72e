using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Networks;
using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Stories.Pages;
using SharingHub.Webinars;
using SharingHub.Webinars.Pages;

namespace SharingHub.Pages;

/// <summary>/sitemap.xml and /robots.txt for search engines, with absolute URLs from the public base URL.</summary>
public static class SiteMapEndpoints
{
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int MaxUrls = 50_000;
    private const int StoryBatch = 200;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Every page a reader can reach: the listings, every published story, the 17 goals, the counties, the municipalities
    /// that have published stories, the networks and the published episodes. Nothing unpublished, ever.
    /// </summary>
    [PublicRead]
    public static async Task<IResult> SiteMap(HttpRequest request, StoryService stories, NetworkService networks, WebinarService webinars, CancellationToken ct)
    {
        var origin = Page.Origin(request);
        var urls = new List<(string Path, DateTimeOffset? Modified)> { ("/", null), ("/historier", null), ("/webinarer", null), ("/tilgjengelighet", null), ("/utviklere", null) };
        var municipalities = new SortedSet<string>(StringComparer.Ordinal);
        var storyUrls = new List<(string, DateTimeOffset?)>();
        string? token = null;
        do
        {
            var page = await stories.ListAsync(new StoryQuery { Limit = StoryBatch, ContinuationToken = token }, ct);
            foreach (var story in page.Items.Where(s => s.Status == StoryStatus.Published))
            {
                storyUrls.Add((StoryLinks.Page(story.Id), story.UpdatedAt));
                if (story.Kommunenummer is { } k)
                {
                    municipalities.Add(k);
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null && storyUrls.Count < MaxUrls);

        var reference = ReferenceData.Instance;
        urls.AddRange(reference.Goals.Select(g => ($"/mal/{g.Number.ToString(CultureInfo.InvariantCulture)}", (DateTimeOffset?)null)));
        urls.AddRange(reference.Counties.Select(c => ($"/fylker/{Uri.EscapeDataString(c.Fylkesnummer)}", (DateTimeOffset?)null)));
        urls.AddRange(municipalities.Select(k => ($"/kommuner/{Uri.EscapeDataString(k)}", (DateTimeOffset?)null)));
        urls.AddRange((await networks.DirectoryAsync(ct)).Select(n => ($"/nettverk/{Uri.EscapeDataString(n.Id)}", (DateTimeOffset?)null)));
        urls.AddRange((await webinars.ListAsync(null, null, WebinarStatus.Published, ct)).Select(w => (WebinarLinks.Page(w.Id), (DateTimeOffset?)w.UpdatedAt)));
        urls.AddRange(storyUrls);

        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(Write(origin, urls.Take(MaxUrls)), "application/xml; charset=utf-8");
    }

    /// <summary>Everything may be crawled but the API and the file redirects (their targets are short-lived links).</summary>
    [PublicRead]
    public static IResult Robots(HttpRequest request)
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /api/\n")
            .Append("Disallow: /webinarer/*/opptak\n")
            .Append("Disallow: /webinarer/*/lysark\n")
            .Append("\nSitemap: ").Append(Page.Origin(request)).Append("/sitemap.xml\n");
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static byte[] Write(string origin, IEnumerable<(string Path, DateTimeOffset? Modified)> urls)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (path, modified) in urls)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, origin + path);
                if (modified is { } m)
                {
                    writer.WriteElementString("lastmod", Namespace, m.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
