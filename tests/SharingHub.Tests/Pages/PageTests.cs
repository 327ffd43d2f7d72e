using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingHub.Pages;
using SharingHub.Reference;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Pages;

public sealed class PageTests
{
    [Fact]
    public async Task FrontPageShowsPublishedStoriesGoalTilesAndWaysInButNoDraft()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());
        await hub.DraftAsync(StoryRequests.Landoya().With("title", "Utkast som ingen skal se"));

        var page = await hub.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("nb", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Equal(["Kafé Landøya: overskuddsmat blir smoothie og krutonger"], page.Document.StoryTitles());
        Assert.DoesNotContain("Utkast som ingen skal se", page.Html, StringComparison.Ordinal);
        var tiles = page.Document.QuerySelectorAll("a.hub-goal").ToList();
        Assert.Equal(Enumerable.Range(1, 17).Select(n => $"/mal/{n}"), tiles.Select(t => t.GetAttribute("href")));
        Assert.Contains("Ingen fattigdom", tiles[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(15, page.Document.QuerySelectorAll("a[href^='/fylker/']").Length);
        Assert.NotNull(page.Document.QuerySelector("a[href='/nettverk/asker']"));
        var search = page.Document.QuerySelector("form[role=search]")!;
        Assert.Equal(("get", "/sok"), (search.GetAttribute("method"), search.GetAttribute("action")));
        Assert.NotNull(page.Document.QuerySelector("label[for=q]"));
    }

    [Fact]
    public async Task EveryPageHasTheSkipLinkLandmarksAndTheAccessibilityStatementLink()
    {
        await using var hub = await HubApp.StartAsync();

        foreach (var path in new[] { "/", "/historier", "/mal/3", "/kommuner/3203", "/fylker/32", "/nettverk/asker", "/tilgjengelighet", "/utviklere" })
        {
            var page = await hub.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            var skip = page.Document.QuerySelector("body > a.ds-skip-link")!;
            Assert.Equal("#innhold", skip.GetAttribute("href"));
            Assert.NotNull(page.Document.QuerySelector("main#innhold"));
            Assert.NotNull(page.Document.QuerySelector("header"));
            Assert.NotNull(page.Document.QuerySelector("footer a[href='/tilgjengelighet']"));
            Assert.Equal("For utviklere", page.Document.QuerySelector("footer a[href='/utviklere']")?.TextContent);
            Assert.Single(page.Document.QuerySelectorAll("h1"));
        }
    }

    /// <summary>
    /// Valid HTML as far as a conforming parser can tell (no parse error of the HTML standard's tokenizer or tree builder),
    /// ids unique, every label, aria-describedby and in-page link pointing at an element that exists, and headings in
    /// order (one h1 first, never a level skipped going down), on every page type in both languages.
    /// </summary>
    [Fact]
    public async Task EveryPageTypeIsValidHtmlWithUniqueIdsWorkingReferencesAndHeadingsInOrder()
    {
        await using var hub = await HubApp.StartAsync();
        var id = await hub.PublishAsync(StoryRequests.Landoya());
        var published = await hub.EpisodeAsync("published", hub.Clock.GetUtcNow().AddDays(-10));
        var upcoming = await hub.EpisodeAsync("planned", hub.Clock.GetUtcNow().AddDays(10), "Neste Bærekraftsfredag");
        using var client = hub.CreateAnonymousClient();
        var paths = new[]
        {
            "/", "/historier", "/historier?goal=12&fylke=32", "/historier?kommune=Atlantis", $"/historier/{id}", "/mal/12", "/kommuner/3203",
            "/fylker/32", "/nettverk/asker", "/webinarer", $"/webinarer/{published.Id}", $"/webinarer/{upcoming.Id}", "/sok?q=krutonger", "/sok?q=",
            "/tilgjengelighet", "/utviklere", "/historier/finnes-ikke",
        };

        foreach (var path in paths.Concat(paths.Select(p => p + (p.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sprak=nn")))
        {
            using var response = await client.GetAsync(path); // 400 and 404 pages are pages too
            var html = await response.Content.ReadAsStringAsync();
            var errors = new List<string>();
            var parser = new AngleSharp.Html.Parser.HtmlParser();
            parser.Error += (_, e) => errors.Add(e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error ? $"{error.Message} at {error.Position}" : e.ToString()!);
            var document = parser.ParseDocument(html);

            Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), $"{path} repeats an id: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
            var references = document.QuerySelectorAll("label[for]").Select(l => l.GetAttribute("for")!)
                .Concat(document.QuerySelectorAll("[aria-describedby]").SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Concat(document.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).Where(f => f.Length > 0 && !f.StartsWith("t=", StringComparison.Ordinal)));
            Assert.All(references, r => Assert.True(ids.Contains(r), $"{path} points at #{r}, which is not on the page"));
            var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.TagName[1] - '0').ToList();
            Assert.Equal(1, levels[0]);
            Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"{path}: h{pair.First} is followed by h{pair.Second}"));
        }
    }

    [Fact]
    public async Task TheDeveloperPageExplainsKeysIdempotencyETagsImportErrorsLimitsAndFeedsAndItsLinksWork()
    {
        await using var hub = await HubApp.StartAsync();
        using var anonymous = hub.CreateAnonymousClient();

        var page = await hub.GetPageAsync("/utviklere");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("For utviklere", page.Document.QuerySelector("h1")!.TextContent);
        var text = page.Document.QuerySelector("main")!.TextContent;
        foreach (var words in new[]
        {
            "X-Api-Key", "secretariat", "organiser", "subscriber", "401", "403", "Idempotency-Key", "ETag", "If-Match", "412", "428",
            "text/csv", "application/x-ndjson", "created", "existing", "failed", "ProblemDetails", "errors", "429", "Retry-After", "Atom", "sprak=nn",
        })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
        var headings = page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Beskrivelsen av API-et", "API-nøkler", "Idempotens: trygt å prøve igjen", "Endringer: ETag og If-Match", "Importere mange historier", "Feil", "Grenser for antall forespørsler", "Feeder"], headings);
        var links = page.Document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/api/openapi.json", links);
        foreach (var link in links)
        {
            using var response = await anonymous.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {response.StatusCode}");
        }
        Assert.Equal("3.1.1", (await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi.json")).GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task PagesCarryAPolicyWithoutScriptOrInlineStyleThatOnlyTeamsMayFrame()
    {
        await using var hub = await HubApp.StartAsync();

        var page = await hub.GetPageAsync("/");

        var policy = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var ancestors = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal(["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft"], ancestors.Split(' ').Skip(1));
        Assert.Equal("nosniff", page.Response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(page.Document.QuerySelectorAll("script, style, [style]"));
    }

    [Fact]
    public async Task StylesheetIsOneFileNamedByItsContentHashAndCachedForAYear()
    {
        await using var hub = await HubApp.StartAsync();
        var page = await hub.GetPageAsync("/");
        var href = Assert.Single(page.Document.QuerySelectorAll("link[rel=stylesheet]")).GetAttribute("href")!;
        using var client = hub.CreateAnonymousClient();

        var css = await client.GetAsync(href);
        var stale = await client.GetAsync("/css/hub.0000000000000000.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        var bytes = await css.Content.ReadAsByteArrayAsync();
        Assert.Equal($"/css/hub.{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.css", href);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains(".ds-skip-link", text, StringComparison.Ordinal); // Designsystemet, bundled
        Assert.Contains(".hub-goal-7{background:#FCC30B;color:#1a1a1a}", text, StringComparison.Ordinal); // our own, per goal
        Assert.DoesNotContain("@font-face", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        Assert.True(bytes.Length < 150_000, $"the stylesheet is {bytes.Length} bytes");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Fact]
    public async Task StylesheetIsSentCompressedToBrowsersThatAcceptGzip()
    {
        await using var hub = await HubApp.StartAsync();
        using var client = hub.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, PageStyles.Instance.Url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        var response = await client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < 25_000, $"{compressed.Length} bytes compressed");
        await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        Assert.Equal(PageStyles.Instance.Css, plain.ToArray());
    }

    [Fact]
    public async Task StoryPageShowsTheWholeStoryButNotItsContactPerson()
    {
        await using var hub = await HubApp.StartAsync();
        var id = await hub.PublishAsync(StoryRequests.Landoya());

        var page = await hub.GetPageAsync($"/historier/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var document = page.Document;
        Assert.Equal("Kafé Landøya: overskuddsmat blir smoothie og krutonger", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Kafé Landøya", document.Title, StringComparison.Ordinal);
        Assert.Contains("Elevene driver skolekafeen", page.Html, StringComparison.Ordinal);
        Assert.Equal(["Avtal henting av overskuddsfrukt med en lokal butikk", "Lag en enkel meny", "Kompostér resten"],
            document.QuerySelectorAll("#oppskrift ~ ol li").Select(li => li.TextContent));
        Assert.Contains("Elever på 9. og 10. trinn", page.Html, StringComparison.Ordinal);
        Assert.Contains("Elevene planla kafeen selv", page.Html, StringComparison.Ordinal);
        Assert.Contains("Nytt tiltak", page.Html, StringComparison.Ordinal);
        Assert.Contains("Mindre matsvinn og en kafé elevene eier.", page.Html, StringComparison.Ordinal);
        Assert.Contains("Start smått.", page.Html, StringComparison.Ordinal);
        Assert.Equal(["/mal/4", "/mal/12"], document.QuerySelectorAll("#mal ~ ul a").Select(a => a.GetAttribute("href")));
        var target = document.QuerySelectorAll("#delmal ~ ul li").First();
        Assert.StartsWith("12.3", target.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", target.QuerySelector("span")!.GetAttribute("lang"));
        Assert.Contains("halve per capita global food waste", target.TextContent, StringComparison.Ordinal);
        Assert.Equal("Eget delmål for Asker 3.9a: Redusere matsvinn", document.QuerySelector("#egne-delmal ~ ul li")!.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/kommuner/3203']"));
        Assert.NotNull(document.QuerySelector("a[href='/fylker/32']"));
        Assert.NotNull(document.QuerySelector("a[href='/nettverk/nasjonalt']"));
        Assert.NotNull(document.QuerySelector("#lenker ~ ul a[href='https://www.asker.kommune.no/']"));
        Assert.DoesNotContain("Kari Nordmann", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("kari@example.no", page.Html, StringComparison.Ordinal);
        // A link pasted in Teams unfurls with the title and the summary; search engines see one address.
        string? Meta(string property) => document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Equal("Kafé Landøya: overskuddsmat blir smoothie og krutonger", Meta("og:title"));
        Assert.Equal("article", Meta("og:type"));
        Assert.StartsWith("Elevene driver skolekafeen", Meta("og:description"), StringComparison.Ordinal);
        Assert.Equal($"http://localhost/historier/{id}", Meta("og:url"));
        Assert.Equal($"http://localhost/historier/{id}", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnpublishedAndUnknownStoriesAreNotFoundPages()
    {
        await using var hub = await HubApp.StartAsync();
        var draft = await hub.DraftAsync(StoryRequests.Landoya().With("title", "Hemmelig utkast"));
        var submitted = await hub.DraftAsync(StoryRequests.Landoya().With("title", "Innsendt, ikke godkjent"));
        using (var admin = hub.CreateClient())
        {
            await admin.ActAsync(submitted, "submit");
        }

        foreach (var path in new[] { $"/historier/{draft}", $"/historier/{submitted}", "/historier/0123456789abcdef0123456789abcdef", "/historier/'%3B--" })
        {
            var page = await hub.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Equal("Fant ikke siden", page.Document.QuerySelector("h1")!.TextContent);
            Assert.DoesNotContain("Hemmelig utkast", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Innsendt, ikke godkjent", page.Html, StringComparison.Ordinal);
        }
        var listing = await hub.GetPageAsync("/historier");
        Assert.Empty(listing.Document.StoryTitles());
    }

    [Fact]
    public async Task ScriptInAStoryIsShownAsTextNeverRun()
    {
        await using var hub = await HubApp.StartAsync();
        var title = "<script>alert(1)</script> Matsvinn & <b>fett</b>";
        var id = await hub.PublishAsync(StoryRequests.Landoya().With("title", title).With("summary", "<img src=x onerror=alert(1)>"));

        var story = await hub.GetPageAsync($"/historier/{id}");
        var home = await hub.GetPageAsync("/");

        foreach (var page in new[] { story, home })
        {
            Assert.Empty(page.Document.QuerySelectorAll("script, img, b"));
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Matsvinn &amp; &lt;b&gt;fett&lt;/b&gt;", page.Html, StringComparison.Ordinal);
        }
        Assert.Equal(title, story.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("<script>alert(1)</script>", story.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingFiltersAnswerWhatTheApiAnswersForTheSameQuery()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());
        await hub.PublishAsync(StoryRequests.Landoya().With("title", "Bibliotek som møteplass").With("kommunenummer", "5001").With("network", "trondelag")
            .With("sector", "library").With("goals", new JsonArray(4)).With("targets", new JsonArray("4.7")).With("localTargets", null));
        await hub.PublishAsync(StoryRequests.Landoya().With("title", "Helsestasjon uten plast").With("sector", "health")
            .With("goals", new JsonArray(3)).With("targets", new JsonArray()).With("localTargets", null));
        using var api = hub.CreateAnonymousClient();

        foreach (var (page, query) in new[]
        {
            ("kommune=Asker", "kommune=3203"), ("kommune=3203", "kommune=3203"), ("goal=4", "goal=4"), ("sector=library", "sector=library"),
            ("fylke=50", "fylke=50"), ("network=trondelag", "network=trondelag"), ("target=12.3", "target=12.3"), ("goal=4&kommune=asker", "goal=4&kommune=3203"),
            ("goal=&kommune=&sector=&utm_source=teams", ""),
        })
        {
            var listing = await hub.GetPageAsync($"/historier?{page}");
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/stories?{query}");

            Assert.Equal(HttpStatusCode.OK, listing.Status);
            Assert.Equal(answer.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()), listing.Document.StoryTitles());
        }
        var filtered = await hub.GetPageAsync("/historier?goal=4&sector=library");
        Assert.Equal("4", filtered.Document.QuerySelector("#f-goal option[selected]")!.GetAttribute("value"));
        Assert.Equal("library", filtered.Document.QuerySelector("#f-sector option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Bibliotek som møteplass"], filtered.Document.StoryTitles());
    }

    [Fact]
    public async Task ListingPagesOnWithTheContinuationToken()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.ImportPublishedAsync(23);

        var first = await hub.GetPageAsync("/historier?network=trondelag");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await hub.GetPageAsync(next);

        Assert.Equal(20, first.Document.StoryTitles().Count);
        Assert.StartsWith("/historier?network=trondelag&continuationToken=", next, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelector("a[href='/historier?network=trondelag']:not([hreflang])"));
        Assert.Equal(3, second.Document.StoryTitles().Count);
        Assert.Equal("http://localhost/historier?network=trondelag", second.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.Document.QuerySelector("nav a[href='/historier?network=trondelag']"));
        Assert.Equal(Enumerable.Range(1, 23).Select(i => $"Historie {i}").Order(), first.Document.StoryTitles().Concat(second.Document.StoryTitles()).Order());
    }

    [Fact]
    public async Task AFullListingPageStaysSmallAndAFirstVisitUnderAHundredKilobytesCompressed()
    {
        await using var hub = await HubApp.StartAsync();
        var longest = string.Join(' ', Enumerable.Repeat("Elevene driver skolekafeen med overskuddsfrukt fra en lokal butikk.", 29)); // 1,972 characters
        await hub.ImportPublishedAsync(20, summary: longest);

        var page = await hub.GetPageAsync("/historier");

        Assert.Equal(20, page.Document.StoryTitles().Count);
        var html = System.Text.Encoding.UTF8.GetByteCount(page.Html);
        Assert.True(html < 40 * 1024, $"the listing page is {html} bytes");
        var card = page.Document.QuerySelector(".hub-cards li p:not(.hub-meta)")!.TextContent;
        Assert.EndsWith(" …", card, StringComparison.Ordinal);
        Assert.True(card.Length <= 302, card);
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(page.Html));
        }
        var firstVisit = gzipped.Length + PageStyles.Instance.Gzipped.Length; // the page and its one stylesheet; no script, no fonts
        Assert.True(firstVisit < 100 * 1024, $"a first visit downloads {firstVisit} bytes compressed");
    }

    [Fact]
    public async Task WrongFilterIsSummarisedOnTopAndTiedToItsField()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());

        var page = await hub.GetPageAsync("/historier?kommune=Atlantis&goal=4");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var summary = page.Document.QuerySelector(".ds-error-summary")!;
        Assert.Equal("#f-kommune", summary.QuerySelector("a")!.GetAttribute("href"));
        var field = page.Document.QuerySelector("#f-kommune")!;
        Assert.Equal("Atlantis", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("f-kommune-hint f-kommune-feil", field.GetAttribute("aria-describedby"));
        Assert.StartsWith("Skriv et kommunenummer", page.Document.QuerySelector("#f-kommune-feil")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#f-goal")!.GetAttribute("aria-invalid"));
        Assert.Empty(page.Document.StoryTitles());
    }

    [Fact]
    public async Task GoalPlaceAndNetworkPagesListTheirPublishedStories()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.PublishAsync(StoryRequests.Landoya());
        await hub.DraftAsync(StoryRequests.Landoya().With("title", "Utkast i Asker"));

        foreach (var path in new[] { "/mal/12", "/kommuner/3203", "/fylker/32", "/nettverk/nasjonalt" })
        {
            var page = await hub.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(["Kafé Landøya: overskuddsmat blir smoothie og krutonger"], page.Document.StoryTitles());
            Assert.DoesNotContain("Utkast i Asker", page.Html, StringComparison.Ordinal);
        }
        var goal = await hub.GetPageAsync("/mal/12");
        Assert.Equal("Mål 12: Ansvarlig forbruk og produksjon", goal.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(ReferenceData.Instance.Goals[11].TargetCount, goal.Document.QuerySelectorAll("#delmal ~ ul li").Length);
        var county = await hub.GetPageAsync("/fylker/32");
        Assert.Equal(ReferenceData.Instance.Counties.Single(c => c.Fylkesnummer == "32").MunicipalityCount, county.Document.QuerySelectorAll("a[href^='/kommuner/']").Length);
        Assert.Empty((await hub.GetPageAsync("/mal/3")).Document.StoryTitles());
        foreach (var missing in new[] { "/mal/0", "/mal/18", "/mal/tolv", "/kommuner/9999", "/fylker/99", "/nettverk/finnes-ikke" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await hub.GetPageAsync(missing)).Status);
        }
    }

    [Fact]
    public async Task NetworkCreatedThroughTheApiIsOfferedOnThePagesAtOnce()
    {
        await using var hub = await HubApp.StartAsync();
        await hub.GetPageAsync("/historier"); // the pages have read the networks once
        using var admin = hub.CreateClient();

        var created = await admin.PostAsJsonAsync("/api/networks", new { id = "agder-test", name = "Bærekraftsnettverket i Agder", fylker = new[] { "42" } });
        var home = await hub.GetPageAsync("/");
        var listing = await hub.GetPageAsync("/historier");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Bærekraftsnettverket i Agder", home.Document.QuerySelector("a[href='/nettverk/agder-test']")?.TextContent);
        Assert.NotNull(listing.Document.QuerySelector("#f-network option[value=agder-test]"));
    }

    [Fact]
    public void EveryGoalTileReadsAtLeastFourAndAHalfToOne()
    {
        var goals = ReferenceData.Instance.Goals;

        Assert.All(goals, goal => Assert.True(GoalColours.Contrast(goal.Color, GoalColours.TextOn(goal.Color)) >= 4.5, $"goal {goal.Number} {goal.Color}"));
        // The reason to pick per tile: white text fails on several official colours.
        Assert.Contains(goals, goal => GoalColours.Contrast(goal.Color, GoalColours.Light) < 4.5);
        Assert.Equal(21, GoalColours.Contrast("#000000", "#ffffff"), 3);
    }
}
