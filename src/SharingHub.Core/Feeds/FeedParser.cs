using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SharingHub.Feeds;

/// <summary>One entry of a feed as the source wrote it (summary may be HTML).</summary>
public sealed record FeedItem(string? Id, string? Link, string? Title, string? Summary, DateTimeOffset? Published, DateTimeOffset? Updated);

/// <summary>The items to ingest (newest first, at most the cap) and how many more the feed had.</summary>
public sealed record ParsedFeed(IReadOnlyList<FeedItem> Items, int Skipped);

/// <summary>
/// Reads RSS 0.90 to 2.0 (with or without a version, RSS 1.0 as RDF) and Atom 1.0 on an XmlReader that refuses DTDs (so no
/// entity is ever expanded or fetched). The charset of the HTTP Content-Type wins over the XML declaration (RFC 7303), a
/// byte order mark over both. Each item is read on its own (<see cref="FeedItemReader"/>), so one odd item never costs
/// the others. Every failure is a <see cref="FeedFormatException"/> in the hub's own words, never the document's text.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace UserlandRss = "http://backend.userland.com/rss2";
    private static readonly XNamespace[] RdfItemNamespaces = ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", XNamespace.None];

    static FeedParser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <param name="charset">The charset parameter of the response's Content-Type, if any.</param>
    /// <exception cref="FeedFormatException">The body is not a well-formed RSS or Atom feed this hub reads.</exception>
    public static ParsedFeed Parse(byte[] body, int maxItems, string? charset = null)
    {
        var root = Load(body, charset).Root!;
        var items = Entries(root).Select(entry => FeedItemReader.Read(entry.Element, entry.IsAtom)).ToList();
        var newestFirst = items
            .Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Updated ?? x.item.Published ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
        var kept = newestFirst.Take(maxItems).ToList();
        return new ParsedFeed(kept, newestFirst.Count - kept.Count);
    }

    private static XDocument Load(byte[] body, string? charset)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = Math.Max(body.LongLength, 1),
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // Indentation would become text nodes in the XDocument, which the item formatters refuse between elements.
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        try
        {
            // Read from text when the HTTP charset decides: an XmlReader on a TextReader ignores the declared encoding.
            using var reader = DeclaredByHttp(body, charset) is { } encoding
                ? XmlReader.Create(new StringReader(encoding.GetString(body)), settings)
                : XmlReader.Create(new MemoryStream(body, writable: false), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("the feed declares a DTD, which is refused (entities are never expanded or fetched)");
        }
        catch (XmlException ex) when (ex.InnerException is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            throw new FeedFormatException(UnknownEncoding);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not a well-formed XML document (line {ex.LineNumber}, position {ex.LinePosition})");
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            throw new FeedFormatException(UnknownEncoding);
        }
    }

    private const string UnknownEncoding = "the feed's character encoding is unknown, or its bytes do not match it";

    /// <summary>The encoding the Content-Type's charset names, unless a byte order mark says otherwise or the name is unknown.</summary>
    private static Encoding? DeclaredByHttp(byte[] body, string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name) || HasByteOrderMark(body))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasByteOrderMark(byte[] body) =>
        body is [0xEF, 0xBB, 0xBF, ..] or [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..];

    /// <summary>The document's items, each brought to the names the RSS 2.0 or Atom 1.0 item readers know.</summary>
    private static IEnumerable<(XElement Element, bool IsAtom)> Entries(XElement root)
    {
        var name = root.Name;
        if (name.LocalName == "rss" && (name.Namespace == XNamespace.None || name.Namespace == UserlandRss))
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel")
                ?? throw new FeedFormatException("the RSS document has no <channel> element, which is where a feed keeps its title and items");
            return channel.Elements().Concat(root.Elements())
                .Where(e => e.Name.LocalName == "item" && e.Name.Namespace == name.Namespace)
                .Select(e => (Renamed(WithInheritedBase(e), name.Namespace, XNamespace.None), false));
        }
        if (name == Rdf + "RDF")
        {
            return root.Elements()
                .Where(e => e.Name.LocalName == "item" && RdfItemNamespaces.Contains(e.Name.Namespace))
                .Select(e => (Renamed(WithInheritedBase(e), e.Name.Namespace, XNamespace.None), false));
        }
        if (name == Atom10 + "feed")
        {
            return root.Elements(Atom10 + "entry").Select(e => (WithInheritedBase(e), true));
        }
        if (name == XNamespace.None + "feed")
        {
            // Atom elements without the Atom namespace: read them as Atom 1.0.
            return root.Elements("entry").Select(e => (Renamed(WithInheritedBase(e), XNamespace.None, Atom10), true));
        }
        if (name == Atom03 + "feed")
        {
            throw new FeedFormatException("Atom 0.3 feeds are not read; the site should publish Atom 1.0 or RSS");
        }
        if (name.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("Channel Definition Format (CDF) is not read; the site should publish RSS or Atom");
        }
        throw new FeedFormatException("not an RSS or Atom feed");
    }

    /// <summary>
    /// The item with the xml:base its feed and channel give it, so that relative links resolve as they would in the whole
    /// document (the item is read on its own). Unchanged when no ancestor sets one.
    /// </summary>
    private static XElement WithInheritedBase(XElement item)
    {
        var xmlBase = XNamespace.Xml + "base";
        if (!item.Ancestors().Any(a => a.Attribute(xmlBase) is not null))
        {
            return item;
        }
        Uri? combined = null;
        foreach (var value in item.AncestorsAndSelf().Reverse().Select(e => (string?)e.Attribute(xmlBase)).OfType<string>())
        {
            combined = combined is null
                ? (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var absolute) ? absolute : null)
                : (Uri.TryCreate(combined, value.Trim(), out var relative) ? relative : combined);
        }
        if (combined is null)
        {
            return item;
        }
        var copy = new XElement(item);
        copy.SetAttributeValue(xmlBase, combined.ToString());
        return copy;
    }

    /// <summary>A copy of <paramref name="element"/> with every element in <paramref name="from"/> moved to <paramref name="to"/>.</summary>
    private static XElement Renamed(XElement element, XNamespace from, XNamespace to)
    {
        if (from == to)
        {
            return element;
        }
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == from.NamespaceName).Remove();
            if (e.Name.Namespace == from)
            {
                e.Name = to + e.Name.LocalName;
            }
        }
        return copy;
    }
}

/// <summary>The response was not a feed this hub can read; the message is recorded on the poll.</summary>
public sealed class FeedFormatException(string message) : Exception(message);
