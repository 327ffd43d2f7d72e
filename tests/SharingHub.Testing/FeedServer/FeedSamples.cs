using System.Globalization;
using System.Security;
using System.Text;

namespace SharingHub.Testing.FeedServer;

/// <summary>One entry for <see cref="FeedSamples.Rss"/> or <see cref="FeedSamples.Atom"/>. Summary is HTML, as feeds carry it.</summary>
public sealed record SampleItem(string? Id, string? Link, string? Title, string? Summary, DateTimeOffset Published, DateTimeOffset? Updated = null);

/// <summary>Real-looking feeds of Norwegian networks: RSS 2.0 as WordPress writes it, Atom as static site generators do.</summary>
public static class FeedSamples
{
    static FeedSamples()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Three stories from Trøndelag as a WordPress site publishes them.</summary>
    public static IReadOnlyList<SampleItem> Trondelag { get; } =
    [
        new("https://baerekraft-trondelag.example.no/?p=101", "https://baerekraft-trondelag.example.no/2026/03/matsvinn-skolekantiner/",
            "Halverte matsvinnet i skolekantinene",
            "<p>Elevene ved tre ungdomsskoler i <strong>Trondheim</strong> målte matsvinnet i fire uker og endret menyen. Tiltaket støtter bærekraftsmål 12.</p>",
            Start),
        new("https://baerekraft-trondelag.example.no/?p=102", "https://baerekraft-trondelag.example.no/2026/03/gronn-barnehage-snaasa/",
            "Grønn barnehage på Snåase",
            "<p>Barnehagen i Snåase – Snåsa har gått over til fossilfri oppvarming. Barna lærer om klima gjennom uteleik. FNs bærekraftsmål nr. 7 og 13.</p>",
            Start.AddDays(1)),
        new("https://baerekraft-trondelag.example.no/?p=103", "https://baerekraft-trondelag.example.no/2026/03/bibliotek-ombruk/",
            "Biblioteket låner ut verktøy og sportsutstyr",
            "<p>Folkebiblioteket i Røros lånte ut over 2 000 gjenstander i fjor. «Alle skal kunne være med», sier biblioteksjefen.</p>",
            Start.AddDays(2)),
    ];

    public static string Rss(IEnumerable<SampleItem> items, string encodingName = "utf-8", string channel = "Bærekraftsnettverket i Trøndelag")
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?>\n");
        xml.Append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <title>{Escape(channel)}</title>\n  <link>https://baerekraft-trondelag.example.no/</link>\n");
        xml.Append("  <description>Suksesshistorier fra kommunene i nettverket</description>\n  <language>nb-NO</language>\n");
        xml.Append("  <generator>https://wordpress.org/?v=6.7</generator>\n");
        foreach (var item in items)
        {
            xml.Append("  <item>\n");
            if (item.Title is not null) xml.Append(CultureInfo.InvariantCulture, $"    <title>{Escape(item.Title)}</title>\n");
            if (item.Link is not null) xml.Append(CultureInfo.InvariantCulture, $"    <link>{Escape(item.Link)}</link>\n");
            xml.Append("    <dc:creator><![CDATA[Sekretariatet]]></dc:creator>\n");
            xml.Append(CultureInfo.InvariantCulture, $"    <pubDate>{item.Published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)}</pubDate>\n");
            xml.Append("    <category><![CDATA[Suksesshistorier]]></category>\n");
            if (item.Id is not null) xml.Append(CultureInfo.InvariantCulture, $"    <guid isPermaLink=\"false\">{Escape(item.Id)}</guid>\n");
            if (item.Summary is not null) xml.Append(CultureInfo.InvariantCulture, $"    <description>{Escape(item.Summary)}</description>\n");
            xml.Append("  </item>\n");
        }
        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }

    public static string Atom(IEnumerable<SampleItem> items, string title = "Bærekraftsnettverket i Møre og Romsdal")
    {
        var list = items.ToList();
        var updated = list.Select(i => i.Updated ?? i.Published).DefaultIfEmpty(Start).Max();
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nn\">\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <title>{Escape(title)}</title>\n  <id>urn:uuid:6a1f0a4e-3c1d-4c55-9d1e-b0c1e6a5f001</id>\n");
        xml.Append("  <link rel=\"self\" href=\"https://berekraft-mr.example.no/feed.atom\"/>\n  <link href=\"https://berekraft-mr.example.no/\"/>\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <updated>{updated.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}</updated>\n");
        xml.Append("  <author><name>Sekretariatet</name></author>\n");
        foreach (var item in list)
        {
            xml.Append("  <entry>\n");
            xml.Append(CultureInfo.InvariantCulture, $"    <title type=\"text\">{Escape(item.Title ?? string.Empty)}</title>\n");
            if (item.Id is not null) xml.Append(CultureInfo.InvariantCulture, $"    <id>{Escape(item.Id)}</id>\n");
            if (item.Link is not null) xml.Append(CultureInfo.InvariantCulture, $"    <link rel=\"alternate\" type=\"text/html\" href=\"{Escape(item.Link)}\"/>\n");
            xml.Append(CultureInfo.InvariantCulture, $"    <published>{item.Published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}</published>\n");
            xml.Append(CultureInfo.InvariantCulture, $"    <updated>{(item.Updated ?? item.Published).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}</updated>\n");
            if (item.Summary is not null) xml.Append(CultureInfo.InvariantCulture, $"    <summary type=\"html\">{Escape(item.Summary)}</summary>\n");
            xml.Append("  </entry>\n");
        }
        xml.Append("</feed>\n");
        return xml.ToString();
    }

    /// <summary><paramref name="count"/> distinct items, one a day back from <see cref="Start"/>.</summary>
    public static IReadOnlyList<SampleItem> Many(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new SampleItem($"urn:sak:{i}", $"https://baerekraft-trondelag.example.no/sak/{i}", $"Sak nummer {i} om kortreist mat", $"<p>Sak {i}: tiltak i kommunen.</p>", Start.AddHours(-i)))
            .ToList();

    /// <summary>A feed whose DTD declares an external entity pointing at <paramref name="secretUrl"/> and uses it in a summary.</summary>
    public static string WithExternalEntity(string secretUrl) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY xxe SYSTEM "{secretUrl}">
        ]>
        <rss version="2.0"><channel><title>Ondsinnet</title>
          <item><guid>xxe-1</guid><title>Hemmelighet: &xxe;</title><description>&lol2;</description></item>
        </channel></rss>
        """;

    public const string Malformed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Ødelagt</title>
          <item><title>Mangler sluttagg<description>Ingen slutt</item>
        </channel>
        """;

    private static string Escape(string text) => SecurityElement.Escape(text);
}
