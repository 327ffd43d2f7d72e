using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using SharingHub.Testing;
using SharingHub.Tests.Search;
using SharingHub.Tests.Stories;
using SharingHub.Webinars;

namespace SharingHub.Tests.Pages;

/// <summary>Links that leave the hub (canonical, Open Graph, feeds, search hits, the sitemap) use the configured public base URL.</summary>
public sealed class PublicSiteTests
{
    private const string Base = "https://idebank.example.no";
    private static readonly XNamespace SiteMap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task LinksOutOfTheHubUseTheConfiguredPublicBaseUrlNotTheRequestsHost()
    {
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = Base + "/" });
        var id = await hub.PublishAsync(StoryRequests.Landoya());
        using var anonymous = hub.CreateAnonymousClient();

        var story = await hub.GetPageAsync($"/historier/{id}");
        var feed = XDocument.Parse(await anonymous.GetStringAsync("/historier.atom?goal=12"));
        var hit = (await anonymous.SearchUntilAsync("krutonger", p => p.Items().Any())).Items().Single();
        var robots = await anonymous.GetStringAsync("/robots.txt");

        Assert.Equal($"{Base}/historier/{id}", story.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"{Base}/historier/{id}", story.Document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal($"{Base}/historier.atom?goal=12", feed.Root!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal($"{Base}/historier/{id}", feed.Root.Element(Atom + "entry")!.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"{Base}/historier/{id}", hit.GetProperty("url").GetString());
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", story.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("idebank.example.no")]
    [InlineData("ftp://idebank.example.no")]
    [InlineData("https://idebank.example.no/?x=1")]
    public async Task AnUnusablePublicBaseUrlStopsTheHostNamingTheSetting(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = value });
        });

        Assert.Contains("Pages:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitemapListsEveryPublishedPageAndNothingUnpublished()
    {
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = Base });
        var asker = await hub.PublishAsync(StoryRequests.Landoya());
        var draft = await hub.DraftAsync(StoryRequests.Landoya().With("kommunenummer", "1508").With("localTargets", null));
        var september = new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2));
        var episode = await hub.EpisodeAsync("published", september);
        var planned = await hub.EpisodeAsync("planned", september.AddDays(28), "Bærekraftsfredag i planleggingen");
        using var anonymous = hub.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var urls = sitemap.Root!.Elements(SiteMap + "url").ToDictionary(u => u.Element(SiteMap + "loc")!.Value, u => u.Element(SiteMap + "lastmod")?.Value);
        Assert.All(urls.Keys, u => Assert.StartsWith(Base + "/", u, StringComparison.Ordinal));
        Assert.Contains($"{Base}/", urls.Keys);
        Assert.Contains($"{Base}/utviklere", urls.Keys);
        Assert.NotNull(urls[$"{Base}/historier/{asker}"]); // with its last change
        Assert.DoesNotContain(urls.Keys, u => u.Contains(draft, StringComparison.Ordinal));
        Assert.Equal(17, urls.Keys.Count(u => u.StartsWith($"{Base}/mal/", StringComparison.Ordinal)));
        Assert.Equal(15, urls.Keys.Count(u => u.StartsWith($"{Base}/fylker/", StringComparison.Ordinal)));
        Assert.Equal([$"{Base}/kommuner/3203"], urls.Keys.Where(u => u.StartsWith($"{Base}/kommuner/", StringComparison.Ordinal))); // Ålesund's story is a draft
        Assert.Contains($"{Base}/nettverk/asker", urls.Keys);
        Assert.Contains($"{Base}/webinarer/{episode.Id}", urls.Keys);
        Assert.DoesNotContain($"{Base}/webinarer/{planned.Id}", urls.Keys);
    }

    [Fact]
    public async Task RobotsAllowsThePagesButNotTheApiOrTheFileRedirects()
    {
        await using var hub = await HubApp.StartAsync();
        using var anonymous = hub.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["User-agent: *", "Allow: /", "Disallow: /api/", "Disallow: /webinarer/*/opptak", "Disallow: /webinarer/*/lysark", "Sitemap: http://localhost/sitemap.xml"], lines);
    }
}
