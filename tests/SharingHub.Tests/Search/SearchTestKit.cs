using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingHub.Testing;
using SharingHub.Tests.Deployment;

namespace SharingHub.Tests.Search;

/// <summary>What the search tests share: the test corpus, searching, and waiting for the indexer to catch up.</summary>
internal static class SearchTestKit
{
    public static readonly TimeSpan IndexingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>22 published stories in bokmål and nynorsk (TestData/search-corpus.ndjson), imported in one batch.</summary>
    public static async Task ImportCorpusAsync(HttpClient admin)
    {
        var ndjson = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "search-corpus.ndjson"));
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await admin.PostAsync("/api/stories/import?status=published", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("failed").GetInt32());
    }

    /// <summary>The demo's stories (src/SharingHub.SelfHost/Demo/demo-stories.ndjson) as the demo seeds them.</summary>
    public static IReadOnlyDictionary<string, string?> DemoSettings { get; } = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };

    public static Task<JsonElement> SearchAsync(this HttpClient client, string q, string extra = "") =>
        client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(q)}{extra}");

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    public static IReadOnlyList<string> Titles(this JsonElement page) => [.. page.Items().Select(i => i.GetProperty("title").GetString()!)];

    /// <summary>Searches until <paramref name="until"/> holds for the answer (the indexer works in the background).</summary>
    public static async Task<JsonElement> SearchUntilAsync(this HttpClient client, string q, Func<JsonElement, bool> until, string extra = "")
    {
        var deadline = DateTime.UtcNow + IndexingTimeout;
        while (true)
        {
            var page = await client.SearchAsync(q, extra);
            if (until(page))
            {
                return page;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Search for '{q}' did not reach the expected state within {IndexingTimeout.TotalSeconds} s; last answer: {page}");
            }
            await Task.Delay(200);
        }
    }

    public static string RepositoryFile(params string[] parts) => RepositoryRoot.File(parts);
}
