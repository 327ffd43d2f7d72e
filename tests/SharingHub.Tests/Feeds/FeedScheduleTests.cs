using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

public sealed class FeedScheduleTests
{
    [Fact]
    public async Task DueJobPollsASourceAgainOnlyAfterItsIntervalAndPollsAreListedNewestFirst()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)), intervalMinutes: 30);

        Assert.Equal(1, await kit.RunDueJobAsync());
        Assert.Equal(0, await kit.RunDueJobAsync());
        kit.Hub.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await kit.RunDueJobAsync());

        var polls = await kit.PollsAsync(sid);
        Assert.Equal(2, polls.Length);
        Assert.Equal(304, polls[0].GetProperty("httpStatus").GetInt32());
        Assert.Equal(200, polls[1].GetProperty("httpStatus").GetInt32());
        Assert.True(polls[0].GetProperty("at").GetDateTimeOffset() > polls[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(2, kit.Server.Hits("/feeds/trondelag.xml"));
    }

    [Fact]
    public async Task SelfHostPollsDueSourcesInTheBackgroundWhenItsClockTicks()
    {
        await using var kit = await FeedTestKit.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:PollInBackground"] = "true",
            ["Feeds:CheckEverySeconds"] = "30",
        });
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        Assert.Empty(await kit.PollsAsync(sid));

        kit.Hub.Clock.Advance(TimeSpan.FromSeconds(30));

        // The round runs on the host's own task: wait for its poll record, bounded.
        var polls = await kit.PollsAsync(sid);
        for (var tries = 0; polls.Length == 0 && tries < 100; tries++)
        {
            await Task.Delay(100);
            polls = await kit.PollsAsync(sid);
        }
        Assert.Equal(3, Assert.Single(polls).GetProperty("itemsNew").GetInt32());
    }

    [Fact]
    public async Task OneBadSourceNeverStopsTheOthersInTheSameRound()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var bad = new[]
        {
            await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.Hang)),
            await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.ServerError)),
            await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.Huge)),
            await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.RedirectLoop)),
            await kit.AddSourceAsync(kit.Server.Publish("odelagt.xml", FeedSamples.Malformed)),
            await kit.AddSourceAsync("http://127.0.0.1:1/ingen-her.xml"),
        };
        var good = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));

        Assert.Equal(7, await kit.RunDueJobAsync());

        Assert.Equal(3, (await kit.PollsAsync(good)).Single().GetProperty("itemsNew").GetInt32());
        Assert.Equal(3, (await kit.QueueAsync()).Length);
        foreach (var sid in bad)
        {
            var poll = (await kit.PollsAsync(sid)).Single();
            Assert.False(string.IsNullOrEmpty(poll.GetProperty("error").GetString()), $"source {sid} has no error recorded");
        }
    }
}
