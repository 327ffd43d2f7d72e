using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace SharingHub.Feeds;

/// <summary>
/// Reads one item with <see cref="Rss20ItemFormatter"/> or <see cref="Atom10ItemFormatter"/>, and fills what they could not
/// give from the element itself: a title from <c>dc:title</c> (or another <c>*:title</c>) when there is no <c>title</c>,
/// dates from <c>dc:date</c>, the id of an RSS 1.0 item from <c>rdf:about</c>. When the formatter refuses the item (an
/// odd date, a text construct of an unknown type), the item is read from its elements alone instead of failing the feed.
/// </summary>
internal static class FeedItemReader
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static FeedItem Read(XElement element, bool isAtom)
    {
        var read = TryFormatter(element, isAtom);
        var own = isAtom ? Atom10 : XNamespace.None;
        return new FeedItem(
            read?.Id ?? Text(element, own + "id", own + "guid") ?? NonEmpty(element.Attribute(Rdf + "about")?.Value),
            read?.Link ?? Link(element, isAtom),
            read?.Title ?? Title(element, own),
            read?.Summary ?? Text(element, own + "description", own + "summary", own + "content"),
            read?.Published ?? Date(element, own + "pubDate", own + "published", DublinCore + "date", own + "issued"),
            read?.Updated ?? Date(element, own + "updated", own + "modified"));
    }

    private static FeedItem? TryFormatter(XElement element, bool isAtom)
    {
        try
        {
            SyndicationItemFormatter formatter = isAtom ? new Atom10ItemFormatter() : new Rss20ItemFormatter();
            using var reader = element.CreateReader();
            formatter.ReadFrom(reader);
            return ToItem(formatter.Item);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static FeedItem ToItem(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.ToString();
        var summary = item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text;
        return new FeedItem(
            NonEmpty(item.Id)?.Trim(),
            NonEmpty(link),
            NonEmpty(item.Title?.Text),
            summary,
            item.PublishDate == default ? null : item.PublishDate,
            item.LastUpdatedTime == default ? null : item.LastUpdatedTime);
    }

    /// <summary>The item's own title, else Dublin Core's, else any other vocabulary's (media:title, …).</summary>
    private static string? Title(XElement element, XNamespace own) =>
        element.Elements()
            .Where(e => e.Name.LocalName == "title")
            .OrderBy(e => e.Name.Namespace == own ? 0 : e.Name.Namespace == DublinCore ? 1 : 2)
            .Select(e => NonEmpty(e.Value))
            .FirstOrDefault(t => t is not null);

    private static string? Link(XElement element, bool isAtom) => isAtom
        ? element.Elements(Atom10 + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => NonEmpty((string?)l.Attribute("href")))
            .FirstOrDefault(h => h is not null)
        : Text(element, "link");

    private static string? Text(XElement element, params XName[] names) =>
        names.Select(n => NonEmpty(element.Element(n)?.Value)).FirstOrDefault(t => t is not null)?.Trim();

    private static DateTimeOffset? Date(XElement element, params XName[] names)
    {
        foreach (var text in names.Select(n => NonEmpty(element.Element(n)?.Value)).OfType<string>())
        {
            if (ParseDate(text.Trim()) is { } date)
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>ISO 8601 (W3CDTF) or RFC 822 as feeds write them ("Tue, 3 Mar 2026 08:00:00 GMT", named zones included).</summary>
    private static DateTimeOffset? ParseDate(string text)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var iso))
        {
            return iso;
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0].EndsWith(',')) // the day name, which the date already says
        {
            parts.RemoveAt(0);
        }
        if (parts.Count > 0 && Zones.TryGetValue(parts[^1], out var offset))
        {
            parts[^1] = offset;
        }
        return DateTimeOffset.TryParse(string.Join(' ', parts), CultureInfo.InvariantCulture, styles, out var rfc822) ? rfc822 : null;
    }

    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["CET"] = "+01:00", ["CEST"] = "+02:00",
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
