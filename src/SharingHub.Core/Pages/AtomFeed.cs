using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;
using SharingHub.Pages.Text;

namespace SharingHub.Pages;

/// <summary>
/// Atom 1.0 answers for the listings (System.ServiceModel.Syndication writes them), with a strong ETag over the bytes and
/// Last-Modified from the newest change, so a feed reader that asks again with If-None-Match or If-Modified-Since gets 304.
/// A feed asked for in nynorsk (<c>?sprak=nn</c>) is a feed of its own: its titles, its language, its self and alternate
/// links and its entries' links all lead to the nynorsk pages (the stories' own text stays as written).
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="url">The entry's page, its bokmål address; the entry links to it in <paramref name="text"/>'s language.</param>
    public static SyndicationItem Item(PageText text, string url, string title, string? summary, DateTimeOffset published, DateTimeOffset updated)
    {
        url = PageLanguage.Address(url, text);
        var item = new SyndicationItem { Id = url, Title = new TextSyndicationContent(title), PublishDate = published, LastUpdatedTime = updated };
        if (!string.IsNullOrWhiteSpace(summary))
        {
            item.Summary = new TextSyndicationContent(summary);
        }
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        return item;
    }

    /// <param name="selfUrl">The feed's own absolute URL (its bokmål address), also its id.</param>
    /// <param name="pageUrl">The page the feed follows (its bokmål address).</param>
    public static IResult Answer(HttpRequest request, PageText text, string title, string selfUrl, string pageUrl, IReadOnlyList<SyndicationItem> items)
    {
        selfUrl = PageLanguage.Address(selfUrl, text);
        pageUrl = PageLanguage.Address(pageUrl, text);
        // A feed with no entries still needs a stable <updated>, or its ETag would change on every request.
        var updated = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.LastUpdatedTime);
        var feed = new SyndicationFeed(title, null, new Uri(pageUrl), selfUrl, updated, items) { Language = text.Lang };
        feed.Authors.Add(new SyndicationPerson { Name = text.SiteName });
        feed.Links.Add(new SyndicationLink(new Uri(selfUrl), "self", null, "application/atom+xml", 0));

        var bytes = Write(feed);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        var lastModified = DateTimeOffset.FromUnixTimeSeconds(updated.ToUnixTimeSeconds()); // HTTP dates have whole seconds
        var response = request.HttpContext.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        return NotModified(request.GetTypedHeaders(), etag, lastModified)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, ContentType);
    }

    /// <summary>RFC 9110 §13.1: If-None-Match decides when present; otherwise If-Modified-Since.</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    private static byte[] Write(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return buffer.ToArray();
    }
}
