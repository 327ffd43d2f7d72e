using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SharingHub.Tests.Pages.Browser;

/// <summary>The pages in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules at 1280 and 320 pixels, the keyboard, filters and paging.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageBrowserTests(BrowserFixture fixture)
{
    internal static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    public static TheoryData<string, string> PageTypes => new()
    {
        { "forside", "/" },
        { "historier", "/historier" },
        { "historier-filtrert", "/historier?goal=12&fylke=32" },
        { "historier-feil", "/historier?kommune=Atlantis" },
        { "historie", "story:demo" },
        { "mal", "/mal/12" },
        { "kommune", "/kommuner/3203" },
        { "fylke", "/fylker/32" },
        { "nettverk", "/nettverk/asker" },
        { "tilgjengelighet", "/tilgjengelighet" },
        { "utviklere", "/utviklere" },
        { "webinarer", "/webinarer" },
        { "webinar", "webinar:demo" },
        { "webinar-kommende", "webinar:upcoming" },
        { "ikke-funnet", "/historier/finnes-ikke" },
        { "sok", "/sok?q=" + BrowserFixture.SearchQuery },
        { "sok-feil", "/sok?q=" },
        { "forside-nynorsk", "/?sprak=nn" },
        { "historier-nynorsk", "/historier?goal=12&sprak=nn" },
        { "mal-nynorsk", "/mal/3?sprak=nn" },
        { "historie-nynorsk", "story:demo?sprak=nn" },
        { "webinar-nynorsk", "webinar:demo?sprak=nn" },
        { "tilgjengelighet-nynorsk", "/tilgjengelighet?sprak=nn" },
        { "utviklere-nynorsk", "/utviklere?sprak=nn" },
        { "sok-nynorsk", "/sok?sprak=nn&q=" + BrowserFixture.SearchQuery },
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task PageHasNoWcagViolationsAndReflowsAtDesktopAndPhoneWidth(string name, string path)
    {
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await fixture.OpenAsync(width);
            try
            {
                await page.GotoAsync(Resolve(path));

                var result = await page.RunAxe(Wcag21AA);
                Assert.NotEmpty(result.Passes); // axe ran its rules on this page
                Assert.True(result.Violations.Length == 0, $"{path} at {width}px:\n" + Describe(result));
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} at {width}px scrolls sideways by {overflow}px");
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                Assert.Equal(path.Contains("sprak=nn", StringComparison.Ordinal) ? "nn" : "nb", await page.Locator("html").GetAttributeAsync("lang"));
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task SkipLinkIsTheFirstStopAndMovesFocusToTheMainContent()
    {
        var page = await fixture.OpenAsync(1280);
        try
        {
            await page.GotoAsync("/historier");

            await page.Keyboard.PressAsync("Tab");
            var skip = page.Locator(":focus");
            Assert.Equal("Gå til hovedinnhold", await skip.InnerTextAsync());
            var box = await skip.BoundingBoxAsync();
            Assert.True(box is { Width: > 10, Height: > 10 }, "the focused skip link is visible");
            await page.Keyboard.PressAsync("Enter");

            Assert.Equal("innhold", await page.EvaluateAsync<string>("document.activeElement.id"));
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("f-goal", await page.EvaluateAsync<string>("document.activeElement.id")); // the first field after the skip
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task FiltersAndPagingWorkWithoutJavaScript()
    {
        var page = await fixture.OpenAsync(1280, javaScript: false);
        try
        {
            await page.GotoAsync("/historier");

            await page.GetByLabel("Kommune", new() { Exact = true }).FillAsync("Trondheim");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vis historier" }).ClickAsync();
            Assert.EndsWith("/historier?goal=&target=&kommune=Trondheim&fylke=&network=&sector=", page.Url, StringComparison.Ordinal);
            var firstPage = await Titles(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Neste side" }).ClickAsync();
            var secondPage = await Titles(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Første side" }).ClickAsync();

            Assert.Equal(20, firstPage.Count);
            Assert.NotEmpty(secondPage);
            Assert.Empty(firstPage.Intersect(secondPage));
            Assert.Contains("continuationToken=", await page.EvaluateAsync<string>("document.referrer") ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal(firstPage, await Titles(page));
            Assert.Equal("Trondheim", await page.GetByLabel("Kommune", new() { Exact = true }).InputValueAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ADraftNeverShowsAndAScriptTitleIsShownAsText()
    {
        var page = await fixture.OpenAsync(1280);
        try
        {
            foreach (var path in new[] { "/", "/historier", "/kommuner/3203", "/mal/12" })
            {
                await page.GotoAsync(path);
                Assert.DoesNotContain(BrowserFixture.DraftTitle, await page.ContentAsync(), StringComparison.Ordinal);
            }
            var draft = await page.GotoAsync($"/historier/{fixture.DraftId}");
            Assert.Equal(404, draft!.Status);
            Assert.Equal("Fant ikke siden", await page.Locator("h1").InnerTextAsync());

            await page.GotoAsync($"/historier/{fixture.ScriptStoryId}");

            Assert.Equal(BrowserFixture.ScriptTitle, await page.Locator("h1").InnerTextAsync());
            Assert.Equal(0, await page.Locator("main script").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("typeof window.injected === 'undefined'"));
            await page.GotoAsync("/");
            Assert.Contains(BrowserFixture.ScriptTitle, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("typeof window.injected === 'undefined'"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// At 320 px, the headings, goal tiles and cards keep every word whole on one line, nynorsk's long goal names and
    /// compounds included ("klimaendringane", "velfungerande institusjonar", "Influensavaksinering"): a word cut in two
    /// without a hyphen is hard to read. Hidden screen-reader text is left out (it is clipped to one pixel on purpose).
    /// </summary>
    [Theory]
    [InlineData("/?sprak=nn")]
    [InlineData("/mal/3?sprak=nn")]
    [InlineData("/mal/13?sprak=nn")]
    [InlineData("/mal/16?sprak=nn")]
    [InlineData("/historier?sprak=nn")]
    [InlineData("story:influensa?sprak=nn")]
    [InlineData("story:demo?sprak=nn")]
    public async Task AtPhoneWidthNoWordInAHeadingTileOrCardIsCutInTwo(string path)
    {
        var page = await fixture.OpenAsync(320);
        try
        {
            if (path.StartsWith("story:influensa", StringComparison.Ordinal))
            {
                await page.GotoAsync("/historier?sprak=nn");
                await page.GetByRole(AriaRole.Link, new() { Name = "Influensavaksinering på innbyggertorgene" }).ClickAsync();
            }
            else
            {
                await page.GotoAsync(Resolve(path));
            }

            var cut = await page.EvaluateAsync<string[]>(CutWords, "h1, h2, h3, .hub-goal__name, .hub-goal-badges a, .hub-goal-header p");

            Assert.True(cut.Length == 0, $"{path} at 320px cuts: {string.Join(", ", cut)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Words (in the elements the selector finds) whose letters sit on more than one line.</summary>
    private const string CutWords = """
        selector => {
          const cut = [];
          for (const element of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement.closest('.ds-sr-only')) continue;
              for (const match of node.textContent.matchAll(/\S+/g)) {
                if (!/^[«"(]?[\p{L}-]+[»",.:;!?)]?$/u.test(match[0])) continue; // words only: a run of code or symbols may break anywhere
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) cut.push(match[0]);
              }
            }
          }
          return cut;
        }
        """;

    private string Resolve(string path) => path.Split('?', 2) switch
    {
        ["story:demo", .. var query] => $"/historier/{fixture.DemoStoryId}" + Query(query),
        ["webinar:demo", .. var query] => $"/webinarer/{fixture.DemoEpisodeId}" + Query(query),
        ["webinar:upcoming", .. var query] => $"/webinarer/{fixture.UpcomingEpisodeId}" + Query(query),
        _ => path,
    };

    private static string Query(string[] query) => query.Length == 0 ? "" : "?" + query[0];

    [Fact]
    public async Task ReaderWhoChoosesNynorskStaysInNynorskFromPageToPageWithoutJavaScript()
    {
        var page = await fixture.OpenAsync(1280, javaScript: false);
        try
        {
            await page.GotoAsync("/");

            await page.GetByRole(AriaRole.Link, new() { Name = "Nynorsk" }).ClickAsync();
            Assert.Equal("nn", await page.Locator("html").GetAttributeAsync("lang"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Forteljingar", Exact = true }).First.ClickAsync();
            Assert.Equal("Forteljingar", await page.Locator("h1").InnerTextAsync());
            await page.GetByLabel("Berekraftsmål", new() { Exact = true }).SelectOptionAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vis forteljingar" }).ClickAsync();
            Assert.Contains("goal=12", page.Url, StringComparison.Ordinal);
            Assert.Equal("nn", await page.Locator("html").GetAttributeAsync("lang"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Bokmål" }).ClickAsync();
            Assert.Equal("nb", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Contains("goal=12", page.Url, StringComparison.Ordinal); // the switch keeps the filters
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task EpisodePageHasItsCaptionsTrackAndChaptersThatStartTheRecording()
    {
        var page = await fixture.OpenAsync(1280);
        try
        {
            await page.GotoAsync($"/webinarer/{fixture.DemoEpisodeId}");

            var track = await page.EvaluateAsync<string[]>(
                "(() => { const t = document.querySelector('video').textTracks[0]; return [t.kind, t.language, t.label]; })()");
            Assert.Equal(["captions", "nb", "Norsk (automatisk teksting, kan inneholde feil)"], track);
            var chapters = await page.Locator(".hub-chapters a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            Assert.Equal(4, chapters.Length);
            Assert.EndsWith($"/webinarer/{fixture.DemoEpisodeId}/opptak#t=1080", chapters[1], StringComparison.Ordinal);
            var vtt = await page.APIRequest.GetAsync($"/webinarer/{fixture.DemoEpisodeId}/teksting.vtt");
            Assert.StartsWith("WEBVTT", await vtt.TextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<List<string>> Titles(IPage page) => [.. await page.Locator(".hub-cards h3").AllInnerTextsAsync()];

    internal static string Describe(AxeResult result) => string.Join('\n', result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join('\n', v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
}
