using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Feeds;
using SharingHub.Testing;
using SharingHub.Testing.FeedServer;

namespace SharingHub.Tests.Feeds;

/// <summary>
/// The hub (short feed timeouts, no background polling, and Feeds:AllowPrivateNetworks on, since the feed server is on this
/// machine; a test of the default passes "false") and a local feed server, with the calls feed tests repeat.
/// </summary>
internal sealed class FeedTestKit : IAsyncDisposable
{
    private FeedTestKit(HubApp hub, FeedServer server)
    {
        Hub = hub;
        Server = server;
        Client = hub.CreateClient();
    }

    public HubApp Hub { get; }
    public FeedServer Server { get; }
    public HttpClient Client { get; }

    public static async Task<FeedTestKit> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Feeds:RequestTimeoutSeconds"] = "2",
            ["Feeds:MaxResponseBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:MaxItemsPerPoll"] = "50",
            ["Feeds:PollInBackground"] = "false",
            ["Feeds:AllowPrivateNetworks"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var server = await FeedServer.StartAsync();
        var hub = await HubApp.StartAsync(all, configureServices);
        return new FeedTestKit(hub, server);
    }

    public async Task<string> AddSourceAsync(string url, string network = "trondelag", int intervalMinutes = 60)
    {
        var response = await Client.PostAsJsonAsync($"/api/networks/{network}/sources", new { url, intervalMinutes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> PollAsync(string sourceId, string network = "trondelag")
    {
        var response = await Client.PostAsync($"/api/networks/{network}/sources/{sourceId}/poll", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls now once more: after the minute "poll now" waits between two polls of a source.</summary>
    public Task<JsonElement> PollAgainAsync(string sourceId, string network = "trondelag")
    {
        Hub.Clock.Advance(FeedSourceService.PollNowCooldown);
        return PollAsync(sourceId, network);
    }

    public async Task<JsonElement[]> PollsAsync(string sourceId, string network = "trondelag") =>
        (await Client.GetFromJsonAsync<JsonElement[]>($"/api/networks/{network}/sources/{sourceId}/polls"))!;

    public async Task<JsonElement[]> QueueAsync(string network = "trondelag") =>
        (await Client.GetFromJsonAsync<JsonElement[]>($"/api/moderation?network={network}"))!;

    public async Task<JsonElement> StoryAsync(string id) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");

    public Task<int> RunDueJobAsync() => Hub.Services.GetRequiredService<FeedPollingJob>().RunOnceAsync(CancellationToken.None);

    public static string Title(JsonElement story) => story.GetProperty("title").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Hub.DisposeAsync();
        await Server.DisposeAsync();
    }
}
