using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SharingHub.Tests.Feeds;

public sealed class FeedSourceApiTests
{
    [Fact]
    public async Task RegisteringSourceWithBadUrlAndIntervalReturnsProblemDetailsAndStoresNothing()
    {
        await using var kit = await FeedTestKit.StartAsync();

        var response = await kit.Client.PostAsJsonAsync("/api/networks/trondelag/sources", new { url = "file:///etc/passwd", intervalMinutes = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("intervalMinutes", out _));
        Assert.Empty((await kit.Client.GetFromJsonAsync<JsonElement[]>("/api/networks/trondelag/sources"))!);
    }

    [Fact]
    public async Task RegisteringSourceForUnknownNetworkReturnsNotFound()
    {
        await using var kit = await FeedTestKit.StartAsync();

        var response = await kit.Client.PostAsJsonAsync("/api/networks/finnes-ikke/sources", new { url = "https://example.no/feed" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SourceCanBeListedReadChangedAndRemoved()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync("https://baerekraft-trondelag.example.no/feed/");

        var listed = Assert.Single((await kit.Client.GetFromJsonAsync<JsonElement[]>("/api/networks/trondelag/sources"))!);
        Assert.Equal(sid, listed.GetProperty("id").GetString());
        Assert.Equal(60, listed.GetProperty("intervalMinutes").GetInt32());

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/networks/trondelag/sources/{sid}")
        {
            Content = JsonContent.Create(new { url = "https://baerekraft-trondelag.example.no/feed/atom/", name = "Nettverkets nyheter", intervalMinutes = 120 }),
        };
        put.Headers.IfMatch.ParseAdd("\"1\"");
        var changed = await kit.Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var source = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/networks/trondelag/sources/{sid}");
        Assert.Equal(120, source.GetProperty("intervalMinutes").GetInt32());
        Assert.Equal("Nettverkets nyheter", source.GetProperty("name").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/networks/trondelag/sources/{sid}") { Content = JsonContent.Create(new { url = "https://x.example.no/" }) };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await kit.Client.SendAsync(stale)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await kit.Client.DeleteAsync($"/api/networks/trondelag/sources/{sid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Client.GetAsync($"/api/networks/trondelag/sources/{sid}")).StatusCode);
        Assert.Equal(0, await kit.RunDueJobAsync());
    }

    [Fact]
    public async Task PollsOfUnknownSourceAndMalformedLimitAreRefused()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync("https://baerekraft-trondelag.example.no/feed/");

        var unknown = await kit.Client.GetAsync("/api/networks/trondelag/sources/finnes-ikke/polls");
        var malformed = await kit.Client.GetAsync($"/api/networks/trondelag/sources/{sid}/polls?limit=mange");
        var pollUnknown = await kit.Client.PostAsync("/api/networks/trondelag/sources/finnes-ikke/poll", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _));
        Assert.Equal(HttpStatusCode.NotFound, pollUnknown.StatusCode);
    }
}
