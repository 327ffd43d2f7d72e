using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using SharingHub.Pages;
using SharingHub.Testing;
using SharingHub.Tests.Webinars;

namespace SharingHub.Tests.Workspace;

/// <summary>The organiser's pages over HTTP, posting their forms as a browser does: episodes, presentations, draft stories, uploads.</summary>
public sealed class OrganiserPageTests
{
    private const string NewForm = "form[action='/arbeid/webinarer/ny']";

    [Fact]
    public async Task AnEpisodeCreatedThroughTheFormIsStoredInOsloTimeAndItsPageOpens()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");

        var answer = await organiser.PostFormAsync("/arbeid/webinarer/ny", NewForm, Fields(
            ("title", "Bærekraftsfredag: sirkulære innkjøp"), ("startsAt", "2026-09-25T09:00"), ("audience", "Innkjøpere\nKlimarådgivere"),
            ("teamsUrl", "https://teams.microsoft.com/l/meetup-join/innkjop")));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var id = answer.Response.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        Assert.Equal("Webinaret er opprettet.", answer.Document.QuerySelector(".ds-alert[data-color=success]")?.TextContent.Trim());
        Assert.Equal("Bærekraftsfredag: sirkulære innkjøp", answer.Document.QuerySelector("h1")?.TextContent);
        var stored = await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}");
        Assert.Equal("2026-09-25T09:00:00+02:00", stored.GetProperty("startsAt").GetString());
        Assert.Equal("planned", stored.GetProperty("status").GetString());
        Assert.Equal(["Innkjøpere", "Klimarådgivere"], stored.GetProperty("audience").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task TheNewEpisodeFormShowsEachErrorAtItsFieldKeepsTheValuesAndStoresNothing()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");

        var answer = await organiser.PostFormAsync("/arbeid/webinarer/ny", NewForm, Fields(
            ("title", ""), ("startsAt", "i morgen"), ("teamsUrl", "http://teams.example.no"), ("description", "Beholdes")));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var summary = answer.Document.QuerySelectorAll(".ds-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#e-title", "#e-startsAt", "#e-teamsUrl"], summary);
        foreach (var field in new[] { "title", "startsAt", "teamsUrl" })
        {
            var input = answer.Document.GetElementById($"e-{field}")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains($"e-{field}-feil", input.GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(answer.Document.GetElementById($"e-{field}-feil")?.TextContent));
        }
        Assert.Equal("Lenken til Teams-møtet må begynne med https://.", answer.Document.GetElementById("e-teamsUrl-feil")!.TextContent);
        Assert.Null(answer.Document.GetElementById("e-description")!.GetAttribute("aria-invalid"));
        Assert.Equal("Beholdes", answer.Document.GetElementById("e-description")!.TextContent);
        Assert.Equal("i morgen", answer.Document.GetElementById("e-startsAt")!.GetAttribute("value"));
        var list = await organiser.GetFromJsonAsync<JsonElement>("/api/webinars");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var episode = await WebinarTestData.CreateEpisodeAsync(organiser);
        var id = episode.Id();

        var create = await organiser.PostFormToAsync("/arbeid/webinarer/ny", Fields(("title", "Uten nøkkel"), ("startsAt", "2026-09-25T09:00")));
        var edit = await organiser.PostFormToAsync($"/arbeid/webinarer/{id}", Fields(("title", "Endret uten nøkkel"), ("startsAt", "2026-09-25T09:00"), ("version", "1")));
        var publish = await organiser.PostFormToAsync($"/arbeid/webinarer/{id}/publiser", Fields(("version", "1")));
        var upload = await organiser.PostFormToAsync($"/arbeid/webinarer/{id}/filer", Fields(("kind", "recording"), ("fileName", "a.mp4"), ("contentType", "video/mp4"), ("size", "10")));

        Assert.All([create, edit, publish, upload], a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        var stored = await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}");
        Assert.Equal(episode.GetProperty("title").GetString(), stored.GetProperty("title").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Equal("planned", stored.GetProperty("status").GetString());
        Assert.Single((await organiser.GetFromJsonAsync<JsonElement>("/api/webinars")).GetProperty("items").EnumerateArray());
        Assert.Empty((await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}/assets")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnEpisodeIsEditedAndPublishedThroughItsPageAndThenShowsOnThePublicPages()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        var page = $"/arbeid/webinarer/{id}";

        var edited = await organiser.PostFormAsync(page, $"form[action='{page}']", Fields(("title", "Bibliotek, mat og klima"), ("status", "held")));
        var published = await organiser.PostFormAsync(page, $"form[action='{page}/publiser']", []);

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("Endringene er lagret.", edited.Document.QuerySelector(".ds-alert")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal("Webinaret er publisert.", published.Document.QuerySelector(".ds-alert")?.TextContent.Trim());
        Assert.Null(published.Document.QuerySelector($"form[action='{page}/publiser']"));
        var stored = await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}");
        Assert.Equal("Bibliotek, mat og klima", stored.GetProperty("title").GetString());
        Assert.Equal("published", stored.GetProperty("status").GetString());
        Assert.Equal(2, stored.GetProperty("presentations").GetArrayLength()); // the episode form leaves the presentations alone
        using var anonymous = hub.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/webinarer/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnEditOfAnEpisodeSomeoneElseChangedMeanwhileIsRefusedWithAClearMessage()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        var page = $"/arbeid/webinarer/{id}";
        var shown = await organiser.GetPageAsync(page);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)shown.Document.QuerySelector($"form[action='{page}']")!;
        var values = WorkspaceTestKit.FormValues(form);
        await organiser.PostFormAsync(page, $"form[action='{page}']", Fields(("title", "Først lagret")));

        values.RemoveAll(v => v.Key == "title");
        values.Add(new("title", "Lagret for sent"));
        var late = await organiser.PostFormToAsync(page, values);

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("Noen andre har endret webinaret", late.Document.QuerySelector(".ds-alert[data-color=warning]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lagret for sent", late.Document.GetElementById("e-title")!.GetAttribute("value"));
        Assert.Equal("Først lagret", (await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task PresentationsAndSpeakersAreAddedEditedAndRemovedAndBadFieldsAreShownAtTheirSpeaker()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        var page = $"/arbeid/webinarer/{id}";

        var invalid = await organiser.PostFormAsync(page, $"form[action='{page}/foredrag']", Fields(
            ("title", "Klimabudsjett i praksis"), ("offset", "1:75"), ("speakerName", "Per Hansen"), ("speakerOrganisation", "Asker kommune"), ("speakerEmail", "per@")));
        var added = await organiser.PostFormAsync(page, $"form[action='{page}/foredrag']", Fields(
            ("title", "Klimabudsjett i praksis"), ("offset", "0:25:10"), ("speakerName", "Per Hansen"), ("speakerOrganisation", "Asker kommune"), ("speakerEmail", "per@asker.kommune.no")));
        var stored = await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}");
        var first = stored.GetProperty("presentations")[0].Id();
        var third = stored.GetProperty("presentations")[2];
        var edited = await organiser.PostFormAsync(page, $"form[action='{page}/foredrag/{first}']", Fields(("title", "Bibliotek og bærekraft, del 1")));
        var removed = await organiser.PostFormAsync(page, $"form[action='{page}/foredrag/{first}/slett']", []);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("true", invalid.Document.GetElementById("p-ny-offset")!.GetAttribute("aria-invalid"));
        Assert.Equal("true", invalid.Document.GetElementById("p-ny-speaker0-email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Per Hansen", invalid.Document.GetElementById("p-ny-speaker0-name")!.GetAttribute("value"));
        Assert.Equal(["#p-ny-offset", "#p-ny-speaker0-email"], invalid.Document.QuerySelectorAll(".ds-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("Klimabudsjett i praksis", third.GetProperty("title").GetString());
        Assert.Equal(25 * 60 + 10, third.GetProperty("offsetSeconds").GetInt32());
        Assert.Equal("per@asker.kommune.no", third.GetProperty("speakers")[0].GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        var after = (await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}")).GetProperty("presentations");
        Assert.Equal(["Finn løsninger", "Klimabudsjett i praksis"], after.EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal("Ola Nordmann", after[0].GetProperty("speakers")[0].GetProperty("name").GetString()); // the other presentations kept their speakers
    }

    [Fact]
    public async Task ADraftStoryFromAPresentationIsTheSameTheApiMakesAndItsErrorsAreShownAtTheFields()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        var page = $"/arbeid/webinarer/{id}";
        var presentation = (await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}")).GetProperty("presentations")[0].Id();
        var action = $"form[action='{page}/foredrag/{presentation}/historie']";

        var invalid = await organiser.PostFormAsync(page, action, Fields(("network", "trondelag"), ("kommunenummer", "99")));
        var drafted = await organiser.PostFormAsync(page, action, Fields(("network", "trondelag"), ("kommunenummer", "1506")));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("true", invalid.Document.GetElementById($"h-{presentation}-kommunenummer")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.OK, drafted.Status);
        Assert.Equal("Utkastet til historie er laget.", drafted.Document.QuerySelector(".ds-alert")?.TextContent.Trim());
        var storyId = (await organiser.GetFromJsonAsync<JsonElement>($"/api/webinars/{id}")).GetProperty("presentations")[0].GetProperty("storyId").GetString();
        using var admin = hub.CreateClient();
        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{storyId}");
        Assert.Equal("draft", story.GetProperty("status").GetString());
        Assert.Equal("Bibliotek og bærekraft", story.GetProperty("title").GetString());
        Assert.NotNull(drafted.Document.QuerySelector($"a[href='/arbeid/historier/{storyId}']"));
    }

    [Fact]
    public async Task TheUploadCallsIssueAWriteOnlyUrlListTheStagedBlocksAndCompleteWithTheCheckedStatusOnThePage()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        var page = $"/arbeid/webinarer/{id}";
        var bytes = WebinarTestData.Vtt("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHei og velkommen\n\n00:00:0x.000 --> 00:00:06.000\nBorte\n");

        var refused = await organiser.PostFormAsync(page, "form[data-upload]", Fields(("kind", "captions"), ("fileName", "teksting.srt"), ("contentType", "text/vtt"), ("size", "10")));
        var issued = await organiser.PostFormAsync(page, "form[data-upload]", Fields(("kind", "captions"), ("fileName", "teksting.vtt"), ("contentType", "text/vtt"), ("size", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var ticket = JsonDocument.Parse(issued.Html).RootElement;
        var assetId = ticket.Id("assetId");
        var blob = new BlockBlobClient(new Uri(ticket.GetProperty("uploadUrl").GetString()!));
        var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes("block-00000000"));
        await blob.StageBlockAsync(blockId, new MemoryStream(bytes));
        var staged = JsonDocument.Parse((await organiser.GetPageAsync($"{page}/filer/{assetId}/blokker")).Html).RootElement;
        await blob.CommitBlockListAsync([blockId]);
        var completed = await CompleteAsync(organiser, page, assetId);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("teksting .vtt", JsonDocument.Parse(refused.Html).RootElement.GetProperty("errors").GetProperty("fileName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        Assert.Equal([blockId], staged.GetProperty("blocks").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains(completed.GetProperty("status").GetString(), new[] { "verifying", "available" });
        var shown = await organiser.GetPageAsync(page);
        var row = shown.Document.QuerySelector($"tr[data-asset='{assetId}']")!;
        Assert.Contains(row.GetAttribute("data-status"), new[] { "verifying", "available" });
        Assert.Contains("Linje 6:", row.QuerySelector(".hub-organiser-issues")?.TextContent, StringComparison.Ordinal); // the skipped caption line
    }

    [Fact]
    public async Task OnlyTheEpisodePageLoadsTheUploadModuleWhichIsServedUnderItsContentHash()
    {
        await using var hub = await HubApp.StartAsync();
        using var organiser = await hub.WorkspaceClientAsync("organiser");
        var id = (await WebinarTestData.CreateEpisodeAsync(organiser)).Id();
        using var anonymous = hub.CreateAnonymousClient();

        var episode = await organiser.GetPageAsync($"/arbeid/webinarer/{id}");
        var list = await organiser.GetPageAsync("/arbeid/webinarer");
        var src = episode.Document.QuerySelector("script[type=module]")?.GetAttribute("src");
        using var script = await anonymous.GetAsync(src);
        using var stale = await anonymous.GetAsync("/js/upload.0000000000000000.js");

        Assert.Equal(PageScript.Upload.Url, src);
        Assert.Empty(episode.Document.QuerySelectorAll("script:not([src])"));
        var csp = episode.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches(@"connect-src 'self' http://127\.0\.0\.1:\d+", csp);
        Assert.DoesNotContain("script-src", list.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector("script"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Fact]
    public async Task TheOrganisersPagesAreClosedToOtherRoles()
    {
        await using var hub = await HubApp.StartAsync();
        using var subscriber = await hub.WorkspaceClientAsync("subscriber", "3203");
        using var anonymous = hub.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await subscriber.GetAsync("/arbeid/webinarer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await subscriber.GetAsync("/arbeid/webinarer/ny")).StatusCode);
        using var visit = await anonymous.GetAsync("/arbeid/webinarer");
        Assert.Equal("/logg-inn", visit.RequestMessage!.RequestUri!.AbsolutePath); // sent to sign in, and back here after
        Assert.Contains("tilbake=%2Farbeid%2Fwebinarer", visit.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        using var post = await anonymous.PostAsync("/arbeid/webinarer/ny", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    private static async Task<JsonElement> CompleteAsync(HttpClient organiser, string page, string assetId)
    {
        var answer = await PostWithTokenAsync(organiser, page, $"{page}/filer/{assetId}/fullfor");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return JsonDocument.Parse(answer.Html).RootElement;
    }

    /// <summary>What the upload module does: post the page's antiforgery token (and nothing else) to one of the upload calls.</summary>
    private static async Task<WorkspaceTestKit.Answer> PostWithTokenAsync(HttpClient client, string page, string action)
    {
        var shown = await client.GetPageAsync(page);
        var token = shown.Document.QuerySelector("form[data-upload] input[type=hidden]")!;
        return await client.PostFormToAsync(action, [new(token.GetAttribute("name")!, token.GetAttribute("value")!)]);
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}
