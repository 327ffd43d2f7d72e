using System.Net;
using System.Net.Http.Json;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

public sealed class FeedDeduplicationTests
{
    [Fact]
    public async Task UnchangedFeedIsAskedForConditionallyAndAnswers304WithoutNewStories()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));

        await kit.PollAsync(sid);
        var second = await kit.PollAgainAsync(sid);

        Assert.Equal(304, second.GetProperty("httpStatus").GetInt32());
        Assert.Equal(0, second.GetProperty("itemsNew").GetInt32());
        Assert.Equal(1, kit.Server.NotModified("trondelag.xml"));
        Assert.Equal(3, (await kit.QueueAsync()).Length);
    }

    [Fact]
    public async Task ItemSeenAgainNeverBecomesSecondStory()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);

        var fourth = new SampleItem("https://baerekraft-trondelag.example.no/?p=104", null, "Delebiler for kommunens ansatte", "<p>Levanger deler bilene.</p>", FeedSamples.Start.AddDays(5));
        kit.Server.Publish("trondelag.xml", FeedSamples.Rss([fourth, .. FeedSamples.Trondelag]));
        var poll = await kit.PollAgainAsync(sid);

        Assert.Equal(200, poll.GetProperty("httpStatus").GetInt32());
        Assert.Equal(1, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(3, poll.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(4, (await kit.QueueAsync()).Length);
    }

    [Fact]
    public async Task ItemRepublishedWithNewIdButSameLinkIsTheSameItem()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);

        var regenerated = FeedSamples.Trondelag.Select(item => item with { Id = item.Id + "&migrert=1" });
        kit.Server.Publish("trondelag.xml", FeedSamples.Rss(regenerated));
        var poll = await kit.PollAgainAsync(sid);

        Assert.Equal(0, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(3, poll.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(3, (await kit.QueueAsync()).Length);
    }

    [Fact]
    public async Task TheSameFeedRegisteredTwiceIsRefused()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var url = kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag));
        await kit.AddSourceAsync(url);

        var again = await kit.Client.PostAsJsonAsync("/api/networks/trondelag/sources", new { url });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ItemsWithoutIdOrLinkGetAStableKeyFromTitleAndTimeAndItemsWithNothingFail()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var bare = new SampleItem(null, null, "Kommunen kutter plastposer", "<p>Uten lenke og id.</p>", FeedSamples.Start);
        var empty = new SampleItem(null, null, null, "<p>Verken tittel, id eller lenke.</p>", FeedSamples.Start);
        var sid = await kit.AddSourceAsync(kit.Server.Publish("bare.xml", FeedSamples.Rss([bare, empty])));

        var first = await kit.PollAsync(sid);
        kit.Server.Publish("bare.xml", FeedSamples.Rss([bare, empty], channel: "Nytt navn gir ny ETag"));
        var second = await kit.PollAgainAsync(sid);

        Assert.Equal(1, first.GetProperty("itemsNew").GetInt32());
        Assert.Equal(1, first.GetProperty("itemsFailed").GetInt32());
        Assert.Contains("no title", first.GetProperty("itemErrors")[0].GetString());
        Assert.Equal(0, second.GetProperty("itemsNew").GetInt32());
        Assert.Equal(1, second.GetProperty("itemsSeen").GetInt32());
        var story = Assert.Single(await kit.QueueAsync());
        Assert.StartsWith("derived:", story.GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task ChangedItemUpdatesItsStoryOnlyWhileUnpublished()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);
        var queue = await kit.QueueAsync();
        var publishedId = queue[0].GetProperty("id").GetString()!;
        var waitingId = queue[1].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/moderation/{publishedId}/approve", null)).StatusCode);

        var changed = FeedSamples.Trondelag
            .Select((item, i) => i < 2 ? item with { Title = item.Title + " (oppdatert)", Updated = FeedSamples.Start.AddDays(10) } : item)
            .ToList();
        kit.Server.Publish("trondelag.xml", FeedSamples.Rss(changed));
        var poll = await kit.PollAgainAsync(sid);

        Assert.Equal(1, poll.GetProperty("itemsUpdated").GetInt32());
        Assert.Equal(2, poll.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(0, poll.GetProperty("itemsNew").GetInt32());
        var published = await kit.StoryAsync(publishedId);
        var waiting = await kit.StoryAsync(waitingId);
        Assert.Equal("Halverte matsvinnet i skolekantinene", FeedTestKit.Title(published));
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal("Grønn barnehage på Snåase (oppdatert)", FeedTestKit.Title(waiting));
        Assert.Equal("submitted", waiting.GetProperty("status").GetString());
        Assert.Equal(2, waiting.GetProperty("version").GetInt32());
    }
}
