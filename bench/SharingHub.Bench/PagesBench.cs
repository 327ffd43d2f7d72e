using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Stories;
using SharingHub.Testing;

namespace SharingHub.Bench;

/// <summary>
/// Issue 12's page measurement, side by side in one run against one hub: at 10,000 published stories, the listing page
/// against the JSON API for the same query (one municipality, 20 stories), and a story page against GET /api/stories/{id}.
/// The page may take at most 1.25 times the API's time (ratio ≥ 0.8). Options: --stories 10000, --requests 50.
/// </summary>
public sealed class PagesBench : IScenario
{
    public string Description => "pages: listing page and story page vs the JSON API for the same query";

    public async Task RunAsync(string[] args)
    {
        var size = StoriesBench.Option(args, "--stories", 10_000);
        var requests = StoriesBench.Option(args, "--requests", 50);
        StoriesBench.UseSelfHostContentRoot();
        var connection = await SharedAzurite.ConnectionStringAsync();
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Azure"] = "Error" };
        Console.WriteLine($"pages bench: {size} stories, {requests} sequential requests per side and round, {Environment.ProcessorCount} cores");

        await using var hub = await HubApp.StartAsync(quiet);
        var client = hub.CreateAnonymousClient();
        var tables = StoriesBench.BareTables.For(connection, hub.Prefix);
        var seed = await Measure.TimeAsync(() => StoriesBench.WriteBatchedAsync(tables, StoriesBench.Drafts(size, 77).Select((d, i) =>
            StoriesBench.ToStory(d, StorySources.Import, StoryStatus.Published, DateTimeOffset.UtcNow.AddMinutes(-i))).ToList()));
        Console.WriteLine($"    seeded {size} published stories in {seed.TotalSeconds:F1} s");

        var kommune = StoriesBench.Kommuner[0];
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/stories?kommune={kommune}&limit=20");
        var ids = api.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var listing = await client.GetStringAsync($"/historier?kommune={kommune}");
        if (ids.Count != 20 || ids.Any(id => !listing.Contains($"/historier/{id}\"", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("the listing page does not show the 20 stories the API lists");
        }

        await CompareAsync(client, requests, $"listing: GET /historier?kommune={kommune} vs /api/stories?kommune={kommune}&limit=20",
            $"/historier?kommune={kommune}", $"/api/stories?kommune={kommune}&limit=20");
        await CompareAsync(client, requests, "story: GET /historier/{id} vs /api/stories/{id}", $"/historier/{ids[0]}", $"/api/stories/{ids[0]}");
        Console.WriteLine($"    sizes: listing page {listing.Length / 1024.0:F1} KB of HTML, its API answer {api.GetRawText().Length / 1024.0:F1} KB of JSON");
    }

    /// <summary>Best of three alternating rounds of <paramref name="requests"/> sequential GETs on each side.</summary>
    private static async Task CompareAsync(HttpClient client, int requests, string what, string page, string json)
    {
        async Task Run(string path)
        {
            for (var i = 0; i < requests; i++)
            {
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        }
        await Run(page); // warm-up: JIT, renderer, connection pool
        await Run(json);
        var pageBest = TimeSpan.MaxValue;
        var apiBest = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            pageBest = StoriesBench.Min(pageBest, await Measure.TimeAsync(() => Run(page)));
            apiBest = StoriesBench.Min(apiBest, await Measure.TimeAsync(() => Run(json)));
        }
        var ratio = pageBest.TotalSeconds / apiBest.TotalSeconds;
        Console.WriteLine($"{what} (×{requests}): page {pageBest.TotalMilliseconds:F0} ms, API {apiBest.TotalMilliseconds:F0} ms, " +
            $"page/API {ratio:F2} (target ≤ 1.25) {(ratio <= 1.25 ? "OK" : "ABOVE TARGET")}");
    }
}
