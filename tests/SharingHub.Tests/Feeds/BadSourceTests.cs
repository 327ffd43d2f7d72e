using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

/// <summary>Each misbehaving source is handled in bounded time, recorded on the poll, and creates no story.</summary>
public sealed class BadSourceTests
{
    [Theory]
    [InlineData("malformed", 200, "not a well-formed")]
    [InlineData("huge", 200, "too large: more than 1 MB")]
    [InlineData("huge-declared", 200, "too large: more than 1 MB")]
    [InlineData("redirect-loop", 302, "redirect loop")]
    [InlineData("redirect-to-file", 302, "not http(s) was refused")]
    [InlineData("hang", null, "no complete answer within 2 s")]
    [InlineData("server-error", 500, "the server answered 500")]
    [InlineData("not-a-feed", 200, "not an RSS or Atom feed")]
    [InlineData("unreachable", null, "could not connect")]
    public async Task BadSourceIsRecordedOnThePollAndCreatesNothing(string kind, int? status, string error)
    {
        await using var kit = await FeedTestKit.StartAsync();
        var url = kind switch
        {
            "malformed" => kit.Server.Publish("odelagt.xml", FeedSamples.Malformed),
            "huge" => kit.Server.Url(FeedServer.Paths.Huge),
            "huge-declared" => kit.Server.Url(FeedServer.Paths.HugeWithLength),
            "redirect-loop" => kit.Server.Url(FeedServer.Paths.RedirectLoop),
            "redirect-to-file" => kit.Server.Url(FeedServer.Paths.RedirectToFile),
            "hang" => kit.Server.Url(FeedServer.Paths.Hang),
            "server-error" => kit.Server.Url(FeedServer.Paths.ServerError),
            "not-a-feed" => kit.Server.Publish("side.html", "<html><body><p>Velkommen til nettverket!</p></body></html>", "text/html"),
            "unreachable" => "http://127.0.0.1:1/feed.xml",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var sid = await kit.AddSourceAsync(url);

        var poll = await kit.PollAsync(sid);

        Assert.Contains(error, poll.GetProperty("error").GetString());
        if (status is null)
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, poll.GetProperty("httpStatus").ValueKind);
        }
        else
        {
            Assert.Equal(status, poll.GetProperty("httpStatus").GetInt32());
        }
        Assert.Equal(0, poll.GetProperty("itemsNew").GetInt32());
        Assert.Empty(await kit.QueueAsync());
        Assert.Single(await kit.PollsAsync(sid));
        Assert.True(kit.Server.HugeBytesWritten < FeedServer.HugeBytes / 4, $"the hub read {kit.Server.HugeBytesWritten} bytes of the huge feed");
    }

    [Fact]
    public async Task DtdWithExternalEntityIsRefusedAndTheEntityIsNeverFetched()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("xxe.xml", FeedSamples.WithExternalEntity(kit.Server.Url(FeedServer.Paths.Secret))));

        var poll = await kit.PollAsync(sid);

        Assert.Contains("DTD", poll.GetProperty("error").GetString());
        Assert.Equal(0, kit.Server.Hits(FeedServer.Paths.Secret));
        Assert.Empty(await kit.QueueAsync());
    }

    [Fact]
    public async Task FailedPollKeepsNoValidatorsSoTheNextPollReadsTheFeedAgain()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("snart.xml", FeedSamples.Malformed));
        await kit.PollAsync(sid);

        kit.Server.Publish("snart.xml", FeedSamples.Rss(FeedSamples.Trondelag));
        var poll = await kit.PollAgainAsync(sid);

        Assert.Equal(200, poll.GetProperty("httpStatus").GetInt32());
        Assert.Equal(3, poll.GetProperty("itemsNew").GetInt32());
    }
}
