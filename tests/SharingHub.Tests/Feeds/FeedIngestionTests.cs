using System.Text;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

public sealed class FeedIngestionTests
{
    [Fact]
    public async Task PollingRssFeedTurnsEachItemIntoSubmittedStoryWithNorwegianText()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(200, poll.GetProperty("httpStatus").GetInt32());
        Assert.Equal(3, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(0, poll.GetProperty("itemsFailed").GetInt32());
        Assert.Equal(JsonValueKind(), poll.GetProperty("error").ValueKind);
        var queue = await kit.QueueAsync();
        Assert.Equal(3, queue.Length);
        var first = queue[0];
        Assert.Equal("Halverte matsvinnet i skolekantinene", FeedTestKit.Title(first));
        Assert.Equal("submitted", first.GetProperty("status").GetString());
        Assert.Equal("feed", first.GetProperty("source").GetString());
        Assert.Equal("https://baerekraft-trondelag.example.no/?p=101", first.GetProperty("sourceId").GetString());
        Assert.Equal("50", first.GetProperty("fylkesnummer").GetString());
        Assert.Equal("https://baerekraft-trondelag.example.no/2026/03/matsvinn-skolekantiner/", first.GetProperty("links")[0].GetString());
        Assert.Equal("https://baerekraft-trondelag.example.no/2026/03/matsvinn-skolekantiner/", first.GetProperty("feed").GetProperty("link").GetString());
        Assert.Equal(FeedSamples.Start, first.GetProperty("feed").GetProperty("publishedAt").GetDateTimeOffset());
        Assert.StartsWith("Elevene ved tre ungdomsskoler i Trondheim målte matsvinnet", first.GetProperty("summary").GetString());
        Assert.Equal("Grønn barnehage på Snåase", FeedTestKit.Title(queue[1]));
    }

    [Fact]
    public async Task PollingAtomFeedIngestsEntriesWithLinkAndPublishedTime()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var items = new[]
        {
            new SampleItem("tag:berekraft-mr.example.no,2026:sak-7", "https://berekraft-mr.example.no/saker/solceller-pa-skulen",
                "Solceller på skulen i Ålesund", "<p>Ålesund kommune har montert solceller på tre skular. Dette støttar berekraftsmål 7.</p>",
                FeedSamples.Start.AddDays(3), FeedSamples.Start.AddDays(4)),
        };
        var sid = await kit.AddSourceAsync(kit.Server.Publish("mr.atom", FeedSamples.Atom(items), "application/atom+xml"), network: "more-og-romsdal");

        var poll = await kit.PollAsync(sid, "more-og-romsdal");

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        var story = Assert.Single(await kit.QueueAsync("more-og-romsdal"));
        Assert.Equal("Solceller på skulen i Ålesund", FeedTestKit.Title(story));
        Assert.Equal("tag:berekraft-mr.example.no,2026:sak-7", story.GetProperty("sourceId").GetString());
        Assert.Equal("https://berekraft-mr.example.no/saker/solceller-pa-skulen", story.GetProperty("feed").GetProperty("link").GetString());
        Assert.Equal(FeedSamples.Start.AddDays(3), story.GetProperty("feed").GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(FeedSamples.Start.AddDays(4), story.GetProperty("feed").GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal("15", story.GetProperty("fylkesnummer").GetString());
        Assert.Equal("1508", story.GetProperty("suggestions").GetProperty("municipalities")[0].GetProperty("kommunenummer").GetString());
    }

    [Fact]
    public async Task FeedBehindPermanentRedirectIsFollowed()
    {
        await using var kit = await FeedTestKit.StartAsync();
        kit.Server.Publish("flyttet.xml", FeedSamples.Rss(FeedSamples.Trondelag.Take(1)));
        var sid = await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.Moved("flyttet.xml")));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(200, poll.GetProperty("httpStatus").GetInt32());
        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
    }

    [Fact]
    public async Task HtmlAndScriptsInSummariesBecomeSafePlainText()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var item = new SampleItem("html-1", null, "Sol\u0085energi på <b>skolen</b>\n\ttaket",
            "<p>Elevene på <b>Byåsen</b> skole &amp; SFO</p><script>alert('xss')</script><img src=x onerror=\"alert(1)\"><style>p{}</style><p>Neste avsnitt</p>",
            FeedSamples.Start);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("html.xml", FeedSamples.Rss([item])));

        await kit.PollAsync(sid);

        var story = Assert.Single(await kit.QueueAsync());
        Assert.Equal("Sol energi på skolen taket", FeedTestKit.Title(story));
        Assert.Equal("Elevene på Byåsen skole & SFO\n\nNeste avsnitt", story.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task LongSummaryIsCappedToWhatAStoryHolds()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var item = new SampleItem("long-1", null, "Lang tekst", "<p>" + string.Concat(Enumerable.Repeat("Kortreist mat i kantina. ", 400)) + "</p>", FeedSamples.Start);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("long.xml", FeedSamples.Rss([item])));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        var summary = Assert.Single(await kit.QueueAsync()).GetProperty("summary").GetString()!;
        Assert.True(summary.Length <= 2_000, $"summary has {summary.Length} characters");
        Assert.EndsWith("…", summary);
    }

    [Theory]
    [InlineData("windows-1252", "Grønt løft i Ærøy – «klimakutt»")]
    [InlineData("ISO-8859-1", "Grønt løft i Ærøy og Åfjord")]
    public async Task DeclaredNonUtf8EncodingIsHonoured(string encodingName, string title)
    {
        await using var kit = await FeedTestKit.StartAsync();
        var xml = FeedSamples.Rss([new SampleItem("enc-1", null, title, "<p>Blåbær og tyttebær på menyen.</p>", FeedSamples.Start)], encodingName);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("enc.xml", xml, "application/rss+xml", Encoding.GetEncoding(encodingName)));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        var story = Assert.Single(await kit.QueueAsync());
        Assert.Equal(title, FeedTestKit.Title(story));
        Assert.Equal("Blåbær og tyttebær på menyen.", story.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task ThousandsOfItemsIngestOnlyTheNewestUpToTheCapAndCountTheRestAsSkipped()
    {
        await using var kit = await FeedTestKit.StartAsync(new Dictionary<string, string?> { ["Feeds:MaxItemsPerPoll"] = "40", ["Feeds:MaxResponseBytes"] = "8388608" });
        var sid = await kit.AddSourceAsync(kit.Server.Publish("mange.xml", FeedSamples.Rss(FeedSamples.Many(3_000))));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, poll.GetProperty("error").ValueKind);
        Assert.Equal(40, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(2_960, poll.GetProperty("itemsSkipped").GetInt32());
        var titles = (await kit.QueueAsync()).Select(FeedTestKit.Title).ToList();
        Assert.Equal(40, titles.Count);
        Assert.Contains("Sak nummer 1 om kortreist mat", titles);
        Assert.Contains("Sak nummer 40 om kortreist mat", titles);
        Assert.DoesNotContain("Sak nummer 41 om kortreist mat", titles);
    }

    private static System.Text.Json.JsonValueKind JsonValueKind() => System.Text.Json.JsonValueKind.Null;
}
