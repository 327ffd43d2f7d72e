using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SharingHub.Feeds;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

/// <summary>
/// With Feeds:AllowPrivateNetworks at its default (off), the hub neither registers nor fetches feeds on loopback, private or
/// other internal addresses, whatever form the address takes, directly or behind a redirect; and a poll record never
/// repeats what a server said.
/// </summary>
public sealed class PrivateAddressTests
{
    private static readonly Dictionary<string, string?> DefaultOff = new() { ["Feeds:AllowPrivateNetworks"] = "false" };

    [Theory]
    [InlineData("http://127.0.0.1:8080/feed.xml")]
    [InlineData("http://localhost/feed.xml")]
    [InlineData("http://LOCALHOST./feed.xml")]
    [InlineData("http://admin.localhost/feed.xml")]
    [InlineData("http://2130706433/feed.xml")]
    [InlineData("http://0x7f000001/feed.xml")]
    [InlineData("http://127.1/feed.xml")]
    [InlineData("http://0177.0.0.1/feed.xml")]
    [InlineData("http://0/feed.xml")]
    [InlineData("http://[::1]/feed.xml")]
    [InlineData("http://[::]/feed.xml")]
    [InlineData("http://[::ffff:127.0.0.1]/feed.xml")]
    [InlineData("http://[::ffff:a9fe:a9fe]/latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.4/feed.xml")]
    [InlineData("http://172.16.5.5/feed.xml")]
    [InlineData("http://192.168.1.1/feed.xml")]
    [InlineData("http://100.64.0.1/feed.xml")]
    [InlineData("http://[fd00::1]/feed.xml")]
    [InlineData("http://[fe80::1]/feed.xml")]
    [InlineData("http://224.0.0.1/feed.xml")]
    [InlineData("http://[ff02::1]/feed.xml")]
    [InlineData("http://[64:ff9b::a00:4]/feed.xml")]
    [InlineData("http://[2002:7f00:1::]/feed.xml")]
    public async Task RegisteringAnInternalAddressIsRefusedWithTheFieldAndStoresNothing(string url)
    {
        await using var kit = await FeedTestKit.StartAsync(DefaultOff);

        var response = await kit.Client.PostAsJsonAsync("/api/networks/trondelag/sources", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("public internet", problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Empty((await kit.Client.GetFromJsonAsync<JsonElement[]>("/api/networks/trondelag/sources"))!);
    }

    [Fact]
    public async Task ChangingASourceToAnInternalAddressIsRefusedAndLeavesItAsItWas()
    {
        await using var kit = await FeedTestKit.StartAsync(DefaultOff);
        var sid = await kit.AddSourceAsync("https://baerekraft-trondelag.example.no/feed/");

        var response = await kit.Client.PutAsJsonAsync($"/api/networks/trondelag/sources/{sid}", new { url = "http://169.254.169.254/metadata/instance" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
        var source = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/networks/trondelag/sources/{sid}");
        Assert.Equal("https://baerekraft-trondelag.example.no/feed/", source.GetProperty("url").GetString());
    }

    [Fact]
    public async Task PublicHostNamesAndAddressesAreAccepted()
    {
        await using var kit = await FeedTestKit.StartAsync(DefaultOff);

        await kit.AddSourceAsync("https://www.ks.no/rss/");
        await kit.AddSourceAsync("http://93.184.215.14/feed.xml");
        await kit.AddSourceAsync("http://[2606:4700::6810:85e5]/feed.xml");
    }

    [Fact]
    public async Task AStoredSourceOnLoopbackIsNeverFetched()
    {
        // A source registered before this rule existed, or whose name came to resolve to an internal address.
        await using var kit = await FeedTestKit.StartAsync(DefaultOff);
        var url = kit.Server.Publish("intern.xml", FeedSamples.Rss(FeedSamples.Trondelag));
        var store = kit.Hub.Services.GetRequiredService<IFeedSourceStore>();
        var now = kit.Hub.Clock.GetUtcNow();
        await store.AddAsync(new FeedSource
        {
            Id = "gammel", Network = "trondelag", Url = url, IntervalMinutes = 60, NextDueAt = now, CreatedAt = now, UpdatedAt = now, Version = 1,
        }, CancellationToken.None);

        var poll = await kit.PollAsync("gammel");

        Assert.Contains("not on the public internet", poll.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, poll.GetProperty("httpStatus").ValueKind);
        Assert.Equal(0, kit.Server.Hits("/feeds/intern.xml"));
        Assert.Empty(await kit.QueueAsync());
    }

    [Fact]
    public async Task ARedirectToLoopbackIsRefusedAtConnectTime()
    {
        // [::1] stands in for a public website here (the double below lets exactly it through); it redirects to 127.0.0.1.
        await using var kit = await FeedTestKit.StartAsync(DefaultOff, services =>
        {
            services.RemoveAll<IFeedAddressPolicy>();
            services.AddSingleton<IFeedAddressPolicy>(sp => new OnePublicSite(IPAddress.IPv6Loopback, new FeedAddressPolicy(sp.GetRequiredService<IOptions<FeedOptions>>())));
        });
        await using var site = await FeedServer.StartAsync(IPAddress.IPv6Loopback);
        var internalFeed = kit.Server.Publish("intern.xml", FeedSamples.Rss(FeedSamples.Trondelag));
        var sid = await kit.AddSourceAsync(site.PublishRedirect("nyheter.xml", internalFeed));

        var poll = await kit.PollAsync(sid);

        Assert.Equal(1, site.Hits("/redirects/nyheter.xml"));
        Assert.Contains("not on the public internet", poll.GetProperty("error").GetString());
        Assert.Equal(0, kit.Server.Hits("/feeds/intern.xml"));
        Assert.Empty(await kit.QueueAsync());
    }

    [Fact]
    public async Task PollRecordsNameTheStatusButNeverTheServersWords()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var forbidden = await kit.AddSourceAsync(kit.Server.Url(FeedServer.Paths.ForbiddenWithReason));
        var console = await kit.AddSourceAsync(kit.Server.Publish("admin.xml", "<AdminConsole><Secret>s3cr3t</Secret></AdminConsole>", "application/xml"));

        var refused = await kit.PollAsync(forbidden);
        var notAFeed = await kit.PollAsync(console);

        Assert.Equal("the server answered 403", refused.GetProperty("error").GetString());
        Assert.Equal("not an RSS or Atom feed", notAFeed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PollNowRunsAtMostOnceAMinutePerSource()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        var other = await kit.AddSourceAsync(kit.Server.Publish("annen.xml", FeedSamples.Rss(FeedSamples.Trondelag.Take(1))));
        await kit.PollAsync(sid);
        kit.Hub.Clock.Advance(TimeSpan.FromSeconds(20));

        var tooSoon = await kit.Client.PostAsync($"/api/networks/trondelag/sources/{sid}/poll", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal("application/problem+json", tooSoon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(40), tooSoon.Headers.RetryAfter?.Delta);
        Assert.Single(await kit.PollsAsync(sid));
        Assert.Equal(1, kit.Server.Hits("/feeds/trondelag.xml"));
        await kit.PollAsync(other); // another source has its own minute

        kit.Hub.Clock.Advance(TimeSpan.FromSeconds(40));
        await kit.PollAsync(sid);
        Assert.Equal(2, (await kit.PollsAsync(sid)).Length);
    }

    [Fact]
    public async Task PollNowRequestsAtTheSameTimePollOnce()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => kit.Client.PostAsync($"/api/networks/trondelag/sources/{sid}/poll", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(1, kit.Server.Hits("/feeds/trondelag.xml"));
    }

    [Fact]
    public void TheSettingIsOffUnlessSomeoneTurnsItOn() => Assert.False(new FeedOptions().AllowPrivateNetworks);

    /// <summary>The real policy, except that one local address counts as a public website.</summary>
    private sealed class OnePublicSite(IPAddress site, IFeedAddressPolicy real) : IFeedAddressPolicy
    {
        public bool IsAllowed(IPAddress address) => address.Equals(site) || real.IsAllowed(address);
    }
}
