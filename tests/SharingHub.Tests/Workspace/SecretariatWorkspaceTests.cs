using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using SharingHub.Testing;
using SharingHub.Testing.FeedServer;
using SharingHub.Tests.Feeds;

namespace SharingHub.Tests.Workspace;

/// <summary>The secretariat's import, moderation and feed source pages, used as a browser uses them.</summary>
public sealed class SecretariatWorkspaceTests
{
    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];

    /// <summary>Posts the import form as a browser does: multipart, the page's fields (its token among them unless left out) and the file.</summary>
    private static async Task<WorkspaceTestKit.Answer> UploadAsync(HttpClient client, string fileName, string content, bool withToken = true, params (string, string)[] fields)
    {
        var page = await client.GetPageAsync("/arbeid/import");
        var values = WorkspaceTestKit.FormValues((IHtmlFormElement)page.Document.QuerySelector("form.hub-import-form")!);
        values.RemoveAll(v => (!withToken && v.Key == "__hub_af") || fields.Any(f => f.Item1 == v.Key));
        values.AddRange(Fields(fields));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            form.Add(new StringContent(value), name);
        }
        if (content.Length > 0)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName);
        }
        var response = await client.PostAsync("/arbeid/import", form);
        var html = await response.Content.ReadAsStringAsync();
        return new WorkspaceTestKit.Answer(response.StatusCode, response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }

    [Fact]
    public async Task ImportingACsvFileStoresTheValidRowsAndShowsEachRowsOutcomeWithItsErrorsInNorwegian()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        const string csv = "title;kommunenummer;summary\nSykkeldugnad på Lade;5001;Elevene reparerte 40 sykler.\n;5001;Uten tittel\nSolceller på rådhuset;9999;Ukjent kommune\n";

        var answer = await UploadAsync(secretariat, "tour-de-trondelag.csv", csv);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("3 rader lest: 1 opprettet, 0 fantes fra før, 2 med feil.", answer.Document.QuerySelector("#rapport + [role=status]")?.TextContent);
        var rows = answer.Document.QuerySelectorAll(".hub-import-report tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["2", "Opprettet"], rows[0].Take(2));
        Assert.Equal(["3", "Feil", "", "Tittel må fylles ut."], rows[1]);
        Assert.Equal(["4", "Feil", "", "Velg en av Norges 357 kommuner fra listen, for eksempel «Asker (3203)»."], rows[2]);
        var stored = await secretariat.GetFromJsonAsync<JsonElement>("/api/stories?status=submitted&network=trondelag");
        var story = Assert.Single(stored.GetProperty("items").EnumerateArray());
        Assert.Equal("Sykkeldugnad på Lade", story.GetProperty("title").GetString());
        Assert.Equal($"/arbeid/historier/{story.GetProperty("id").GetString()}", answer.Document.QuerySelector(".hub-import-report tbody a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnUploadWithoutItsTokenIsRefusedAndOneWithoutAFileSaysSoAtTheField()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");

        var withoutToken = await UploadAsync(secretariat, "stories.csv", "title;kommunenummer\nSykkeldugnad;5001\n", withToken: false);
        var withoutFile = await UploadAsync(secretariat, "stories.csv", "");
        var wrongKind = await UploadAsync(secretariat, "stories.xlsx", "title;kommunenummer\nSykkeldugnad;5001\n");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        Assert.Equal(HttpStatusCode.BadRequest, withoutFile.Status);
        Assert.Equal("Velg en fil å importere.", withoutFile.Document.QuerySelector("#f-file-feil")?.TextContent);
        Assert.Equal("true", withoutFile.Document.QuerySelector("#f-file")?.GetAttribute("aria-invalid"));
        Assert.Equal("Filen må være CSV (.csv) eller NDJSON (.ndjson).", wrongKind.Document.QuerySelector("#f-file-feil")?.TextContent);
        var stored = await secretariat.GetFromJsonAsync<JsonElement>("/api/stories?status=submitted&network=trondelag");
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheModerationQueueAcceptsWithTheSuggestionsApprovesWithEditsAndRejectsOnlyWithAReason()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);
        var ids = (await kit.QueueAsync()).Select(s => s.GetProperty("id").GetString()!).ToList();
        using var secretariat = await kit.Hub.WorkspaceClientAsync("secretariat", "trondelag");
        string FormOf(string id) => $"form[action='/arbeid/moderering/{id}']";

        var queue = await secretariat.GetPageAsync("/arbeid/moderering");
        var accepted = await secretariat.PostFormAsync("/arbeid/moderering", FormOf(ids[0]), Fields(("action", "approve")));
        var noReason = await secretariat.PostFormAsync("/arbeid/moderering", FormOf(ids[1]), Fields(("action", "reject"), ("reason", " ")));
        var rejected = await secretariat.PostFormAsync("/arbeid/moderering", FormOf(ids[1]), Fields(("action", "reject"), ("reason", "Handler ikke om bærekraft.")));
        var edited = await secretariat.PostFormAsync($"/arbeid/historier/{ids[2]}?godkjenn=1", "form.hub-story-form",
            Fields(("title", "Biblioteket låner ut verktøy"), ("kommunenummer", "Orkland (5059)"), ("action", "approve")));

        Assert.Equal(ids.Count, queue.Document.QuerySelectorAll(".hub-queue > li").Length);
        Assert.Contains("Historien er godkjent og publisert.", accepted.Html, StringComparison.Ordinal);
        var first = await kit.StoryAsync(ids[0]);
        Assert.Equal("published", first.GetProperty("status").GetString());
        Assert.Equal("5001", first.GetProperty("kommunenummer").GetString()); // the suggestions were ticked
        Assert.Equal("school", first.GetProperty("sector").GetString());
        Assert.Equal("approved", first.GetProperty("moderation").GetProperty("decision").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal("Skriv en begrunnelse for å avvise.", noReason.Document.QuerySelector($"#f-reason-{ids[1]}-feil")?.TextContent);
        Assert.Contains(($"#f-reason-{ids[1]}", "Skriv en begrunnelse for å avvise."),
            noReason.Document.QuerySelectorAll(".ds-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)));
        Assert.Contains("Forslaget er avvist.", rejected.Html, StringComparison.Ordinal);
        var second = await kit.StoryAsync(ids[1]);
        Assert.Equal("rejected", second.GetProperty("status").GetString());
        Assert.Equal("Handler ikke om bærekraft.", second.GetProperty("rejectionReason").GetString());

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var third = await kit.StoryAsync(ids[2]);
        Assert.Equal("published", third.GetProperty("status").GetString());
        Assert.Equal("Biblioteket låner ut verktøy", third.GetProperty("title").GetString());
        Assert.Equal("5059", third.GetProperty("kommunenummer").GetString());
        Assert.Equal("approved", third.GetProperty("moderation").GetProperty("decision").GetString());
        Assert.Empty(await kit.QueueAsync());
    }

    [Fact]
    public async Task TheSourcesPageAddsPollsAndRemovesASourceAndShowsItsPollLog()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var url = kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag));
        using var secretariat = await kit.Hub.WorkspaceClientAsync("secretariat", "trondelag");

        var badUrl = await secretariat.PostFormAsync("/arbeid/kilder", "form.hub-source-form", Fields(("url", "trondelag.xml")));
        var added = await secretariat.PostFormAsync("/arbeid/kilder", "form.hub-source-form", Fields(("url", url), ("name", "Trøndelag fylkeskommune")));
        var polled = await secretariat.PostFormAsync("/arbeid/kilder", "form[action^='/arbeid/kilder/']", Fields(("action", "poll")));
        var tooSoon = await secretariat.PostFormAsync("/arbeid/kilder", "form[action^='/arbeid/kilder/']", Fields(("action", "poll")));
        var removed = await secretariat.PostFormAsync("/arbeid/kilder", "form[action^='/arbeid/kilder/']", Fields(("action", "remove")));

        Assert.Equal(HttpStatusCode.BadRequest, badUrl.Status);
        Assert.StartsWith("Skriv en fullstendig adresse", badUrl.Document.QuerySelector("#f-url-feil")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kilden er lagt til.", added.Html, StringComparison.Ordinal);
        Assert.Equal("Trøndelag fylkeskommune", added.Document.QuerySelector(".hub-queue h2")?.TextContent);
        Assert.Contains("Kilden er hentet.", polled.Html, StringComparison.Ordinal);
        var log = polled.Document.QuerySelectorAll(".hub-poll-log tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("200", log[1]);
        Assert.StartsWith("3 nye", log[2], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)429, tooSoon.Status);
        Assert.Contains("Kilden kan hentes på forespørsel én gang i minuttet.", tooSoon.Html, StringComparison.Ordinal);
        Assert.Contains("Kilden er fjernet.", removed.Html, StringComparison.Ordinal);
        Assert.Contains("Nettverket har ingen nyhetskilder ennå.", removed.Html, StringComparison.Ordinal);
        Assert.Equal(3, (await kit.QueueAsync()).Length);
    }

    [Fact]
    public async Task ASecretariatOfAnotherNetworkCannotSeeOrChangeItsQueueOrSources()
    {
        await using var hub = await HubApp.StartAsync();
        using var other = await hub.WorkspaceClientAsync("secretariat", "nasjonalt");

        var queue = await other.GetPageAsync("/arbeid/moderering?network=trondelag");
        var sources = await other.GetPageAsync("/arbeid/kilder?network=trondelag");
        var add = await other.PostFormAsync("/arbeid/kilder", "form.hub-source-form", Fields(("network", "trondelag"), ("url", "https://www.trondelagfylke.no/rss")));

        Assert.Equal(HttpStatusCode.Forbidden, queue.Status);
        Assert.Equal(HttpStatusCode.Forbidden, sources.Status);
        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        using var admin = hub.CreateClient();
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/networks/trondelag/sources"))!);
    }
}
