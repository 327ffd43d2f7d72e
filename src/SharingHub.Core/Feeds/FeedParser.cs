using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace SharingHub.Feeds;

/// <summary>One entry of a feed as the source wrote it (summary may be HTML).</summary>
public sealed record FeedItem(string? Id, string? Link, string? Title, string? Summary, DateTimeOffset? Published, DateTimeOffset? Updated);

/// <summary>The items to ingest (newest first, at most the cap) and how many more the feed had.</summary>
public sealed record ParsedFeed(IReadOnlyList<FeedItem> Items, int Skipped);

/// <summary>
/// Reads RSS 2.0 and Atom with <see cref="SyndicationFeed"/> on an XmlReader that refuses DTDs (so no entity is ever
/// expanded or fetched) and honours the encoding the XML declares (windows-1252 and ISO-8859-1 included).
/// </summary>
public static class FeedParser
{
    static FeedParser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <exception cref="FeedFormatException">The body is not a well-formed RSS 2.0 or Atom feed.</exception>
    public static ParsedFeed Parse(byte[] body, int maxItems)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = Math.Max(body.LongLength, 1),
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("the feed declares a DTD, which is refused (entities are never expanded or fetched)");
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not a well-formed RSS 2.0 or Atom feed: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new FeedFormatException($"not a readable RSS 2.0 or Atom feed: {ex.Message}");
        }

        var items = feed.Items.Select(ToItem).ToList();
        var newestFirst = items
            .Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Updated ?? x.item.Published ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
        var kept = newestFirst.Take(maxItems).ToList();
        return new ParsedFeed(kept, newestFirst.Count - kept.Count);
    }

    private static FeedItem ToItem(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.ToString();
        var summary = item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text;
        return new FeedItem(
            string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
            string.IsNullOrWhiteSpace(link) ? null : link,
            item.Title?.Text,
            summary,
            item.PublishDate == default ? null : item.PublishDate,
            item.LastUpdatedTime == default ? null : item.LastUpdatedTime);
    }
}

/// <summary>The response was not a feed this hub can read; the message is recorded on the poll.</summary>
public sealed class FeedFormatException(string message) : Exception(message);
