using System.Net;
using AngleSharp.Html.Dom;
using SharingHub.Pages.Text;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Pages;

/// <summary>Bokmål by default, nynorsk with ?sprak=nn: the right lang attribute, the language's own words, and a switch.</summary>
public sealed class LanguageTests
{
    [Fact]
    public async Task EveryPageTypeSpeaksNynorskWithLangNnAndKeepsTheReaderInNynorsk()
    {
        await using var hub = await HubApp.StartAsync();
        var id = await hub.PublishAsync(StoryRequests.Landoya().With("title", "Kafé <a href=\"/x\">Landøya</a>"));
        var episode = await hub.EpisodeAsync("published", hub.Clock.GetUtcNow().AddDays(10));

        var pages = new (string Path, HttpStatusCode Status, string Words)[]
        {
            ("/", HttpStatusCode.OK, "Nyaste forteljingar"),
            ("/historier", HttpStatusCode.OK, "Filtrer forteljingane"),
            ("/historier?goal=12&fylke=32", HttpStatusCode.OK, "Vis forteljingar"),
            ($"/historier/{id}", HttpStatusCode.OK, "Delmåla til FN"),
            ("/mal/12", HttpStatusCode.OK, "Mål 12: Ansvarleg forbruk og produksjon"),
            ("/kommuner/3203", HttpStatusCode.OK, "Forteljingar frå kommunen"),
            ("/fylker/32", HttpStatusCode.OK, "Kommunar i fylket"),
            ("/nettverk/asker", HttpStatusCode.OK, "Forteljingar frå nettverket"),
            ("/webinarer", HttpStatusCode.OK, "Kommande sendingar"),
            ($"/webinarer/{episode.Id}", HttpStatusCode.OK, "Sendinga er ikkje halden enno."),
            ("/tilgjengelighet", HttpStatusCode.OK, "Tilgjengelegheitserklæring"),
            ("/utviklere", HttpStatusCode.OK, "Importere mange forteljingar"),
            ("/historier/finst-ikkje", HttpStatusCode.NotFound, "Fann ikkje sida"),
        };
        foreach (var (path, status, words) in pages)
        {
            var nynorsk = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sprak=nn";

            var page = await hub.GetPageAsync(nynorsk);

            Assert.Equal(status, page.Status);
            var document = page.Document;
            Assert.Equal("nn", document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("nn_NO", document.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
            Assert.Contains(words, document.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Gå til hovudinnhaldet", document.QuerySelector("a.ds-skip-link")!.TextContent);
            Assert.Equal(["Framside", "Forteljingar", "Bærekraftsfredag", "Arbeidsflate"], document.QuerySelectorAll(".hub-nav:not(.hub-languages) a").Select(a => a.TextContent));
            AssertSwitch(document, path, current: "nn");
            // Every link to another page keeps nynorsk, and so does every form; the API and the switch's bokmål link do not.
            var local = document.QuerySelectorAll("a[href^='/']:not([hreflang])").Select(a => a.GetAttribute("href")!).ToList();
            Assert.NotEmpty(local);
            Assert.All(local.Where(h => !h.StartsWith("/api/", StringComparison.Ordinal)),
                href => Assert.Contains("sprak=nn", href.Split('#')[0], StringComparison.Ordinal));
            if (path == $"/historier/{id}")
            {
                Assert.Equal("Kafé <a href=\"/x\">Landøya</a>", document.QuerySelector("h1")!.TextContent); // user text is left alone
            }
            Assert.All(document.QuerySelectorAll("form"), form => Assert.NotNull(form.QuerySelector("input[type=hidden][name=sprak][value=nn]")));
        }
    }

    [Fact]
    public async Task NynorskPagesNameTheGoalsInNynorskWhileTheApiKeepsItsReferenceData()
    {
        await using var hub = await HubApp.StartAsync();
        var id = await hub.PublishAsync(StoryRequests.Landoya());

        var home = await hub.GetPageAsync("/?sprak=nn");
        var story = await hub.GetPageAsync($"/historier/{id}?sprak=nn");
        var goal = await hub.GetPageAsync("/mal/2?sprak=nn");
        using var client = hub.CreateAnonymousClient();
        var api = await client.GetStringAsync("/api/reference/goals");

        var tiles = home.Document.QuerySelectorAll("a.hub-goal .hub-goal__name").Select(t => t.TextContent).ToList();
        Assert.Equal(17, tiles.Count);
        Assert.Equal(["Utrydde fattigdom", "Utrydde svolt"], tiles.Take(2));
        Assert.Equal("Likestilling mellom kjønna", tiles[4]);
        Assert.Equal("Samarbeid for å nå måla", tiles[16]);
        Assert.Equal(["4. God utdanning", "12. Ansvarleg forbruk og produksjon"], story.Document.QuerySelectorAll("#mal ~ ul a").Select(a => a.TextContent));
        Assert.Equal("Mål 2: Utrydde svolt", goal.Document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Utrydde svolt, oppnå mattryggleik", goal.Document.QuerySelector(".hub-lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Utrydde sult", api, StringComparison.Ordinal);
        Assert.DoesNotContain("svolt", api, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 17), Nynorsk.Text.GoalNames.Keys.Order());
    }

    [Fact]
    public async Task BokmalStaysTheDefaultAndTheSwitchOffersNynorskWithItsOwnAddress()
    {
        await using var hub = await HubApp.StartAsync();
        var id = await hub.PublishAsync(StoryRequests.Landoya());

        foreach (var path in new[] { "/", "/historier?goal=12&fylke=32", $"/historier/{id}", "/tilgjengelighet?sprak=sv" })
        {
            var page = await hub.GetPageAsync(path);

            var document = page.Document;
            Assert.Equal("nb", document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("Gå til hovedinnhold", document.QuerySelector("a.ds-skip-link")!.TextContent);
            AssertSwitch(document, path.Replace("?sprak=sv", "", StringComparison.Ordinal), current: "nb");
            Assert.DoesNotContain("sprak=", string.Join(' ', document.QuerySelectorAll("a:not([hreflang]), link:not([hreflang])").Select(a => a.GetAttribute("href"))), StringComparison.Ordinal);
            Assert.Empty(document.QuerySelectorAll("input[name=sprak]"));
        }

        // Each language has its own canonical address, and names the other as its alternate.
        var bokmal = (await hub.GetPageAsync($"/historier/{id}")).Document;
        var nynorsk = (await hub.GetPageAsync($"/historier/{id}?sprak=nn")).Document;
        var url = $"http://localhost/historier/{id}";
        Assert.Equal(url, bokmal.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(url + "?sprak=nn", nynorsk.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(url + "?sprak=nn", nynorsk.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        foreach (var document in new[] { bokmal, nynorsk })
        {
            Assert.Equal([("nb", url), ("nn", url + "?sprak=nn")],
                document.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang"), l.GetAttribute("href"))));
        }
        var list = (await hub.GetPageAsync("/historier?goal=12&sprak=nn")).Document;
        Assert.Equal("http://localhost/historier?goal=12&sprak=nn", list.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    /// <summary>The switch: "Bokmål" and "Nynorsk", each marked with its own language, leading to this page in that language.</summary>
    private static void AssertSwitch(IHtmlDocument document, string bokmalPath, string current)
    {
        var links = document.QuerySelectorAll("header nav a[hreflang]").ToList();
        Assert.Equal(
            [("Bokmål", "nb", "nb", bokmalPath), ("Nynorsk", "nn", "nn", bokmalPath + (bokmalPath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sprak=nn")],
            links.Select(a => (a.TextContent, a.GetAttribute("lang"), a.GetAttribute("hreflang"), a.GetAttribute("href"))));
        Assert.Equal(current, Assert.Single(links, a => a.GetAttribute("aria-current") == "true").GetAttribute("lang"));
        Assert.NotNull(links[0].Closest("nav")!.GetAttribute("aria-label"));
    }
}
