using System.Text;
using System.Text.Json;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

/// <summary>The RSS and Atom variants real sites publish are read; what is not read gets a reason a person understands.</summary>
public sealed class FeedFormatTests
{
    private static readonly IReadOnlyList<SampleItem> Two = FeedSamples.Trondelag.Take(2).ToList();

    [Theory]
    [InlineData("0.91")]
    [InlineData("0.92")]
    [InlineData("0.94")]
    [InlineData("2.01")]
    [InlineData(null)]
    public async Task RssOfEveryVersionAndOfNoneMakesStories(string? version)
    {
        await using var kit = await FeedTestKit.StartAsync();
        var xml = FeedSamples.Rss(Two).Replace("<rss version=\"2.0\"", version is null ? "<rss" : $"<rss version=\"{version}\"", StringComparison.Ordinal);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("rss.xml", xml));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(JsonValueKind.Null, poll.GetProperty("error").ValueKind);
        Assert.Equal(2, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(["Grønn barnehage på Snåase", "Halverte matsvinnet i skolekantinene"], (await kit.QueueAsync()).Select(FeedTestKit.Title).Order());
    }

    [Fact]
    public async Task Rss10RdfMakesStoriesWithTheirLinkAndDublinCoreDate()
    {
        await using var kit = await FeedTestKit.StartAsync();
        const string rdf = """
            <?xml version="1.0" encoding="utf-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://asker.example.no/"><title>Asker</title><link>https://asker.example.no/</link></channel>
              <item rdf:about="https://asker.example.no/saker/gronne-tak">
                <title>Grønne tak på skolene i Asker</title>
                <link>https://asker.example.no/saker/gronne-tak</link>
                <description>Sedumtak fordrøyer overvann.</description>
                <dc:date>2026-03-04T09:30:00+01:00</dc:date>
              </item>
            </rdf:RDF>
            """;
        var sid = await kit.AddSourceAsync(kit.Server.Publish("rdf.xml", rdf, "application/rdf+xml"));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        var story = Assert.Single(await kit.QueueAsync());
        Assert.Equal("Grønne tak på skolene i Asker", FeedTestKit.Title(story));
        Assert.Equal("https://asker.example.no/saker/gronne-tak", story.GetProperty("sourceId").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.FromHours(1)), story.GetProperty("feed").GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task DublinCoreTitleStandsInForAMissingTitle()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var xml = FeedSamples.Rss([FeedSamples.Trondelag[0] with { Title = null }])
            .Replace("<dc:creator>", "<dc:title>Matsvinnet halvert i kantinene</dc:title><dc:creator>", StringComparison.Ordinal);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("dc.xml", xml));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal("Matsvinnet halvert i kantinene", FeedTestKit.Title(Assert.Single(await kit.QueueAsync())));
    }

    [Fact]
    public async Task OneItemWithAnOddDateOrLinkDoesNotCostTheOthers()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var xml = FeedSamples.Rss(FeedSamples.Trondelag);
        var first = xml.IndexOf("<pubDate>", StringComparison.Ordinal);
        xml = xml[..first] + "<pubDate>i går, en gang på ettermiddagen</pubDate><odd:thing xmlns:odd=\"urn:odd\"><odd:x/></odd:thing>"
            + xml[(xml.IndexOf("</pubDate>", first, StringComparison.Ordinal) + "</pubDate>".Length)..];
        var sid = await kit.AddSourceAsync(kit.Server.Publish("odd.xml", xml));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(JsonValueKind.Null, poll.GetProperty("error").ValueKind);
        Assert.Equal(3, poll.GetProperty("itemsNew").GetInt32());
    }

    [Fact]
    public async Task RelativeLinksResolveAgainstTheFeedsXmlBaseThoughEachItemIsReadAlone()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var atom = FeedSamples.Atom([new SampleItem("urn:sak:1", "saker/gronne-tak", "Grønne tak", null, FeedSamples.Start)])
            .Replace("xml:lang=\"nn\"", "xml:lang=\"nn\" xml:base=\"https://berekraft-mr.example.no/nytt/\"", StringComparison.Ordinal);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("base.atom", atom, "application/atom+xml"), "more-og-romsdal");

        await kit.PollAsync(sid, "more-og-romsdal");

        var story = Assert.Single(await kit.QueueAsync("more-og-romsdal"));
        Assert.Equal("https://berekraft-mr.example.no/nytt/saker/gronne-tak", story.GetProperty("links")[0].GetString());
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><item><title>Uten kanal</title></item></rss>", "no <channel> element")]
    [InlineData("<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"><entry><title>Gammel</title></entry></feed>", "Atom 0.3 feeds are not read")]
    [InlineData("<CHANNEL HREF=\"http://example.com/\"><ITEM HREF=\"http://example.com/1\"><TITLE>CDF</TITLE></ITEM></CHANNEL>", "(CDF) is not read")]
    public async Task WhatIsNotReadGetsAReasonAPersonUnderstands(string xml, string reason)
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("rar.xml", xml, "application/xml"));

        var poll = await kit.PollAsync(sid);

        Assert.Contains(reason, poll.GetProperty("error").GetString());
        Assert.Empty(await kit.QueueAsync());
    }

    [Fact]
    public async Task TheHttpCharsetWinsOverTheXmlDeclaration()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var xml = FeedSamples.Rss([FeedSamples.Trondelag[0] with { Title = "«Grønt» løft – i Ærøy" }], encodingName: "iso-8859-1");
        var sid = await kit.AddSourceAsync(kit.Server.Publish("cp1252.xml", xml, "text/xml; charset=windows-1252", Encoding.GetEncoding("windows-1252")));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal("«Grønt» løft – i Ærøy", FeedTestKit.Title(Assert.Single(await kit.QueueAsync())));
    }
}
