using System.Net;
using SharingHub.Testing;
using SharingHub.Tests.Search;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Pages;

/// <summary>/sok: the search page answers what GET /api/search answers, as HTML a person reads.</summary>
public sealed class SearchPageTests
{
    private const string ScriptTitle = "<script>window.injected = 1</script>Krutonger i kantina";

    [Fact]
    public async Task HitsAreMarkedLinkToTheirPagesAndAScriptTitleIsTextButADraftNeverShows()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.DraftAsync(StoryRequests.Landoya().With("title", "Utkast om krutonger som ingen skal se"));
        var published = await hub.PublishAsync(StoryRequests.Landoya());
        var script = await hub.PublishAsync(StoryRequests.Landoya().With("title", ScriptTitle).With("kommunenummer", "4601").With("localTargets", null));
        using var anonymous = hub.CreateAnonymousClient();
        await anonymous.SearchUntilAsync("krutonger", p => p.Items().Count() == 2);

        var page = await hub.GetPageAsync("/sok?q=krutonger");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Equal("krutonger", page.Document.QuerySelector("input#q")!.GetAttribute("value"));
        var hits = page.Document.QuerySelectorAll(".hub-hits > li").ToList();
        Assert.Equal(2, hits.Count);
        Assert.Equal("2 treff", page.Document.QuerySelector("#treff")!.TextContent);
        var links = hits.Select(h => (h.QuerySelector("h3 a")!.GetAttribute("href"), h.QuerySelector("h3 a")!.TextContent)).ToList();
        Assert.Contains(($"/historier/{published}", "Kafé Landøya: overskuddsmat blir smoothie og krutonger"), links);
        Assert.Contains(($"/historier/{script}", ScriptTitle), links); // shown as text
        Assert.Contains("&lt;script&gt;window.injected = 1&lt;/script&gt;Krutonger", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.All(hits, h => Assert.Equal("krutonger", h.QuerySelector("mark")!.TextContent, ignoreCase: true));
        Assert.DoesNotContain("Utkast om krutonger", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FacetLinksNarrowTheSearchAndTheFilterCanBeRemoved()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya()); // Asker, Akershus (32)
        var trondheim = await hub.PublishAsync(StoryRequests.Landoya().With("title", "Krutonger i Trondheim").With("kommunenummer", "5001").With("localTargets", null));
        using var anonymous = hub.CreateAnonymousClient();
        await anonymous.SearchUntilAsync("krutonger", p => p.Items().Count() == 2);

        var all = await hub.GetPageAsync("/sok?q=krutonger");
        var trondelag = all.Document.QuerySelectorAll("#avgrens ~ ul a, .hub-facets a").First(a => a.TextContent == "Trøndelag");
        Assert.Contains("(1)", trondelag.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(all.Document.QuerySelectorAll(".hub-facets a").FirstOrDefault(a => a.GetAttribute("href")!.Contains("goal=12", StringComparison.Ordinal)));

        var narrowed = await hub.GetPageAsync(trondelag.GetAttribute("href")!);

        Assert.Equal([$"/historier/{trondheim}"], narrowed.Document.QuerySelectorAll(".hub-hits h3 a").Select(a => a.GetAttribute("href")));
        var remove = narrowed.Document.QuerySelectorAll(".hub-inline-links a").Single(a => a.TextContent.Contains("Trøndelag", StringComparison.Ordinal));
        Assert.Equal("/sok?q=krutonger", remove.GetAttribute("href"));
    }

    [Fact]
    public async Task ManyHitsArePagedWithTheContinuationToken()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.ImportPublishedAsync(13, summary: "Gjenbruk av møbler på skolen.");
        using var anonymous = hub.CreateAnonymousClient();
        await anonymous.SearchUntilAsync("møbler", p => p.GetProperty("total").GetInt32() == 13);

        var first = await hub.GetPageAsync("/sok?q=m%C3%B8bler");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await hub.GetPageAsync(next);

        Assert.Contains("continuationToken=", next, StringComparison.Ordinal);
        Assert.Equal(10, first.Document.QuerySelectorAll(".hub-hits > li").Length);
        var titles = second.Document.QuerySelectorAll(".hub-hits h3 a").Select(a => a.TextContent).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Empty(titles.Intersect(first.Document.QuerySelectorAll(".hub-hits h3 a").Select(a => a.TextContent)));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.Document.QuerySelector("a[href='/sok?q=m%C3%B8bler']")); // back to the first page
    }

    [Fact]
    public async Task ATranscriptHitOpensTheRecordingAtItsSecond()
    {
        await using var hub = await HubApp.StartAsync();
        var episode = await hub.EpisodeAsync("published", new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(2)));
        await hub.CreateClient().UploadFilesAsync(episode.Id);
        using var anonymous = hub.CreateAnonymousClient();
        var api = await anonymous.SearchUntilAsync("handler", p => p.Items().Any(i => i.TryGetProperty("startSeconds", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Number));
        var second = (int)api.Items().Single(i => i.TryGetProperty("startSeconds", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Number).GetProperty("startSeconds").GetDouble();

        var page = await hub.GetPageAsync("/sok?q=handler&type=episode");

        var hit = page.Document.QuerySelectorAll(".hub-hits > li").Single(h => h.QuerySelector("mark")?.TextContent == "handler");
        Assert.Equal($"/webinarer/{episode.Id}#{episode.PresentationId(0)}", hit.QuerySelector("h3 a")!.GetAttribute("href"));
        var watch = hit.QuerySelectorAll("a").Single(a => a.TextContent == $"Se fra 0:{second:00}");
        Assert.Equal($"/webinarer/{episode.Id}/opptak#t={second}", watch.GetAttribute("href"));
        Assert.Contains("bibliotek &amp; bærekraft", hit.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sok?q=", "Skriv ett eller flere ord")]
    [InlineData("/sok?q=%20%20", "Skriv ett eller flere ord")]
    [InlineData("/sok?q=LONG", "høyst 200 tegn")]
    public async Task ABlankOrTooLongSearchIsAnErrorTiedToTheSearchField(string path, string message)
    {
        await using var hub = await HubApp.StartAsync();

        var page = await hub.GetPageAsync(path.Replace("LONG", new string('a', 201), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var summaryLink = page.Document.QuerySelector("#feil a")!;
        Assert.Equal("#q", summaryLink.GetAttribute("href"));
        Assert.Contains(message, summaryLink.TextContent, StringComparison.Ordinal);
        var field = page.Document.QuerySelector("input#q")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var error = page.Document.GetElementById(field.GetAttribute("aria-describedby")!)!;
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#treff"));
    }

    [Fact]
    public async Task WithoutAQueryThePageIsJustTheForm()
    {
        await using var hub = await HubApp.StartAsync();

        var page = await hub.GetPageAsync("/sok");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[action='/sok'] input#q"));
        Assert.Null(page.Document.QuerySelector("#feil"));
        Assert.Null(page.Document.QuerySelector("#treff"));
    }
}
