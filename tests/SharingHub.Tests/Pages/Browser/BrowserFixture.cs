using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using SharingHub.SelfHost.Demo;
using SharingHub.Stories;
using SharingHub.Stories.Import;
using SharingHub.Testing;
using SharingHub.Tests.Deployment;
using SharingHub.Tests.Search;
using SharingHub.Tests.Stories;
using SharingHub.Webinars;

namespace SharingHub.Tests.Pages.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One hub on a real port with the demo data, and one headless Chromium (Debian's package, launched by path: Playwright's
/// own browser download is not reachable here), shared by every browser test of the run.
/// Seeded oldest first: 21 stories from Trondheim (for paging), then the demo stories and episodes a day later, a draft,
/// and a story whose title is a script.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DraftTitle = "Utkast: dette skal aldri vises";
    public const string ScriptTitle = "<script>window.injected = 1</script>Matsvinn i kantina";

    /// <summary>A search with story hits and transcript hits in the demo data.</summary>
    public const string SearchQuery = "bibliotek";

    public HubApp Hub { get; private set; } = default!;
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string DraftId { get; private set; } = string.Empty;
    public string ScriptStoryId { get; private set; } = string.Empty;
    public string DemoStoryId { get; private set; } = string.Empty;
    public string DemoEpisodeId { get; private set; } = string.Empty;
    public string UpcomingEpisodeId { get; private set; } = string.Empty;

    /// <summary>Where screenshots go: TestResults/screenshots beside the test project, or $SHARINGHUB_SCREENSHOTS.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("SHARINGHUB_SCREENSHOTS")
        ?? RepositoryRoot.File("tests", "SharingHub.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Hub = await HubApp.StartOnKestrelAsync();
        await Hub.ImportPublishedAsync(21, kommune: "5001", network: "trondelag");
        Hub.Clock.Advance(TimeSpan.FromDays(1));
        await SeedDemoAsync();
        using var admin = AdminClient();
        DraftId = (await admin.CreateStoryAsync(StoryRequests.Landoya().With("title", DraftTitle))).GetProperty("id").GetString()!;
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        ScriptStoryId = (await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", ScriptTitle).With("kommunenummer", "4601")
            .With("localTargets", null))).GetProperty("id").GetString()!;

        using (var client = new HttpClient { BaseAddress = Hub.ServerAddress })
        {
            // The search page's browser test needs the demo's stories and captions in the index (the indexer works in the background).
            await client.SearchUntilAsync(SearchQuery, p => p.Items().Any(i => i.TryGetProperty("startSeconds", out var s) && s.ValueKind == JsonValueKind.Number)
                && p.Items().Any(i => i.GetProperty("type").GetString() == "story"));
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Hub.DisposeAsync();
    }

    /// <summary>A fresh page at this width (tall enough for a phone or a laptop), with or without JavaScript.</summary>
    public async Task<IPage> OpenAsync(int width, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Hub.ServerAddress.ToString(),
            ViewportSize = new() { Width = width, Height = width < 600 ? 640 : 900 },
            JavaScriptEnabled = javaScript,
            Locale = "nb-NO",
        });
        return await context.NewPageAsync();
    }

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = Hub.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", Hub.AdminKey);
        return client;
    }

    /// <summary>The self-host's own demo data (its embedded stories and September's episode), and a planned episode next week.</summary>
    private async Task SeedDemoAsync()
    {
        await using var stream = typeof(WebinarDemoSeeder).Assembly.GetManifestResourceStream("SharingHub.SelfHost.Demo.demo-stories.ndjson")!;
        using var reader = new StreamReader(stream);
        var rows = await NdjsonStoryReader.ReadAsync(reader, 1_000, CancellationToken.None);
        await Hub.Services.GetRequiredService<StoryImporter>().ImportRowsAsync(rows, null, StoryStatus.Published, CancellationToken.None);
        var webinars = Hub.Services.GetRequiredService<WebinarService>();
        await new WebinarDemoSeeder(webinars, NullLogger<WebinarDemoSeeder>.Instance).StartAsync(CancellationToken.None);
        DemoEpisodeId = (await webinars.ListAsync(null, null, WebinarStatus.Published, CancellationToken.None)).Single().Id;
        using (var admin = AdminClient())
        {
            await admin.UploadFilesAsync(DemoEpisodeId);
        }
        UpcomingEpisodeId = (await webinars.CreateAsync(new WebinarDraft
        {
            Title = "Bærekraftsfredag: klimatilpasning i små kommuner",
            StartsAt = Hub.Clock.GetUtcNow().AddDays(7).ToString("yyyy-MM-ddT09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture),
            TeamsUrl = "https://teams.microsoft.com/l/meetup-join/baerekraftsfredag-neste",
            Status = "published",
        }, CancellationToken.None)).Id;
        using var client = new HttpClient { BaseAddress = Hub.ServerAddress };
        var landoya = await client.GetFromJsonAsync<JsonElement>("/api/stories?kommune=3203&limit=100");
        DemoStoryId = landoya.GetProperty("items").EnumerateArray()
            .First(s => s.GetProperty("title").GetString()!.StartsWith("Kafé Landøya", StringComparison.Ordinal)).GetProperty("id").GetString()!;
    }
}
