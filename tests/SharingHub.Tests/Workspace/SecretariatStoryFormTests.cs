using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Workspace;

/// <summary>The story form at /arbeid/historier/ny and /arbeid/historier/{id}, posted as a browser posts it.</summary>
public sealed class SecretariatStoryFormTests
{
    private const string Form = "form.hub-story-form";

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];

    private static readonly (string, string)[] Trondheim =
    [
        ("title", "Matsvinn i skolekantina"),
        ("summary", "Elevrådet veide matavfallet hver dag i en måned."),
        ("kommunenummer", "Trondheim (5001)"),
        ("network", "trondelag"),
        ("sector", "school"),
        ("goals", "12"),
        ("goals", "4"),
        ("targets", "12.3"),
        ("localTargets[0].owner", "5001"),
        ("localTargets[0].code", "12.3a"),
        ("localTargets[0].text", "Halvere matsvinnet i kommunale kantiner"),
        ("recipe[0]", "Vei matavfallet hver dag"),
        ("recipe[1]", ""),
        ("recipe[2]", "Del tallene med elevene"),
        ("targetGroup.description", "Elever på mellomtrinnet"),
        ("links[0]", "https://www.trondheim.kommune.no/"),
        ("contact.name", "Ola Nordmann"),
        ("contact.email", "ola@example.no"),
        ("action", "save"),
    ];

    [Fact]
    public async Task ASecretariatWritesAStoryInTheFormAndItIsStoredAsTheApiStoresIt()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");

        var answer = await secretariat.PostFormAsync("/arbeid/historier/ny", Form, Fields(Trondheim));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var url = answer.Response.RequestMessage!.RequestUri!;
        Assert.StartsWith("/arbeid/historier/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("?utfort=save", url.Query);
        Assert.Contains("Historien er lagret.", answer.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        var id = url.AbsolutePath["/arbeid/historier/".Length..];
        var story = await secretariat.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("draft", story.GetProperty("status").GetString());
        Assert.Equal("5001", story.GetProperty("kommunenummer").GetString());
        Assert.Equal("50", story.GetProperty("fylkesnummer").GetString());
        Assert.Equal([4, 12], story.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(["Vei matavfallet hver dag", "Del tallene med elevene"], story.GetProperty("recipe").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("12.3a", story.GetProperty("localTargets")[0].GetProperty("code").GetString());
        Assert.Equal("ola@example.no", story.GetProperty("contact").GetProperty("email").GetString());
        // The form shows the story again as stored: the municipality by name, the steps in order.
        Assert.Equal("Trondheim (5001)", (answer.Document.QuerySelector("#f-kommunenummer") as IHtmlInputElement)?.Value);
        Assert.Equal("Del tallene med elevene", answer.Document.QuerySelector("#f-recipe-1")?.TextContent);
    }

    [Fact]
    public async Task MoreRowsShowsTheFormAgainWithThreeMoreEmptyStepsAndStoresNothing()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        var typed = Fields(Trondheim);
        typed.RemoveAll(f => f.Key == "action");
        typed.Add(KeyValuePair.Create("action", "rows"));

        var answer = await secretariat.PostFormAsync("/arbeid/historier/ny", Form, typed);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var steps = answer.Document.QuerySelectorAll("textarea[name^='recipe[']").Select(t => t.TextContent).ToList();
        Assert.Equal(["Vei matavfallet hver dag", "Del tallene med elevene", "", "", "", "", "", ""], steps);
        Assert.Equal("Matsvinn i skolekantina", (answer.Document.QuerySelector("#f-title") as IHtmlInputElement)?.Value);
        Assert.Null(answer.Document.QuerySelector(".ds-error-summary"));
        var drafts = await secretariat.GetFromJsonAsync<JsonElement>("/api/stories?status=draft&network=trondelag");
        Assert.Equal(0, drafts.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndNothingIsStored()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        await secretariat.GetPageAsync("/arbeid/historier/ny"); // the antiforgery cookie is set; only the field is missing

        var refused = await secretariat.PostFormToAsync("/arbeid/historier/ny", Fields(Trondheim));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var drafts = await secretariat.GetFromJsonAsync<JsonElement>("/api/stories?status=draft&network=trondelag");
        Assert.Equal(0, drafts.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AFormWithMistakesIsShownAgainWithEachErrorInNorwegianAtItsFieldAndNothingIsStored()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        var wrong = Fields(Trondheim);
        wrong.RemoveAll(f => f.Key is "title" or "kommunenummer" or "links[0]" or "contact.email");
        wrong.AddRange(Fields(("title", " "), ("kommunenummer", "Atlantis"), ("links[0]", "trondheim.kommune.no"), ("contact.email", "ola")));

        var answer = await secretariat.PostFormAsync("/arbeid/historier/ny", Form, wrong);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var summary = answer.Document.QuerySelectorAll(".ds-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#f-title", "Tittel må fylles ut."), summary);
        Assert.Contains(("#f-kommunenummer", "Velg en av Norges 357 kommuner fra listen, for eksempel «Asker (3203)»."), summary);
        Assert.Contains(("#f-links-0", "Lenke 1 må være en fullstendig adresse som begynner med https:// eller http://."), summary);
        Assert.Contains(("#f-contact-email", "Skriv en e-postadresse, for eksempel navn@kommune.no."), summary);
        var title = answer.Document.QuerySelector("#f-title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Contains("f-title-feil", title.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Tittel må fylles ut.", answer.Document.QuerySelector("#f-title-feil")?.TextContent);
        Assert.Equal("Atlantis", (answer.Document.QuerySelector("#f-kommunenummer") as IHtmlInputElement)?.Value); // what was typed is kept
        Assert.Equal("Vei matavfallet hver dag", answer.Document.QuerySelector("#f-recipe-0")?.TextContent);
        Assert.Null(answer.Document.QuerySelector("#f-summary")!.GetAttribute("aria-invalid"));
        var drafts = await secretariat.GetFromJsonAsync<JsonElement>("/api/stories?status=draft&network=trondelag");
        Assert.Equal(0, drafts.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ASecretariatOfAnotherNetworkCanNeitherOpenNorPostToAStory()
    {
        await using var hub = await HubApp.StartAsync();
        using var admin = hub.CreateClient();
        var id = (await admin.CreateStoryAsync()).GetProperty("id").GetString()!; // network "nasjonalt"
        using var other = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        var token = WorkspaceTestKit.FormValues((IHtmlFormElement)(await other.GetPageAsync("/arbeid/historier/ny")).Document.QuerySelector(Form)!)
            .Where(v => v.Key == "__hub_af");

        var opened = await other.GetPageAsync($"/arbeid/historier/{id}");
        var posted = await other.PostFormToAsync($"/arbeid/historier/{id}", [.. token, .. Fields(("title", "Kapret"), ("version", "1"), ("action", "save"))]);

        Assert.Equal(HttpStatusCode.Forbidden, opened.Status);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal(1, story.GetProperty("version").GetInt32());
        Assert.StartsWith("Kafé Landøya", story.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAfterSomeoneElseChangedTheStorySaysSoKeepsTheTextAndSavesNothing()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "nasjonalt");
        var id = (await secretariat.CreateStoryAsync()).GetProperty("id").GetString()!;
        var page = await secretariat.GetPageAsync($"/arbeid/historier/{id}");
        var values = WorkspaceTestKit.FormValues((IHtmlFormElement)page.Document.QuerySelector(Form)!);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Kollegaens tittel")) })
        {
            put.Headers.IfMatch.ParseAdd("\"1\"");
            Assert.Equal(HttpStatusCode.OK, (await secretariat.SendAsync(put)).StatusCode);
        }
        values.RemoveAll(v => v.Key is "title" or "action");
        values.AddRange(Fields(("title", "Min tittel"), ("action", "save")));

        var answer = await secretariat.PostFormToAsync($"/arbeid/historier/{id}", values);

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        var alert = answer.Document.QuerySelector("#konflikt")!;
        Assert.Contains("Noen andre har endret denne historien", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/arbeid/historier/{id}", alert.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Min tittel", (answer.Document.QuerySelector("#f-title") as IHtmlInputElement)?.Value);
        var story = await secretariat.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("Kollegaens tittel", story.GetProperty("title").GetString());
        Assert.Equal(2, story.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TheFormOffersOnlyWhatTheLifecycleAllowsAndEachButtonMovesTheStoryOn()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "nasjonalt");
        var id = (await secretariat.CreateStoryAsync()).GetProperty("id").GetString()!;
        var path = $"/arbeid/historier/{id}";
        async Task<List<string>> Buttons() =>
            [.. (await secretariat.GetPageAsync(path)).Document.QuerySelectorAll($"{Form} button[name=action]").Select(b => b.GetAttribute("value")!).Where(v => v != "rows")];

        var asDraft = await Buttons();
        var submitted = await secretariat.PostFormAsync(path, Form, Fields(("action", "submit")));
        var asSubmitted = await Buttons();
        var published = await secretariat.PostFormAsync(path, Form, Fields(("title", "Kafé Landøya, publisert"), ("action", "publish")));
        var asPublished = await Buttons();
        using var anonymous = hub.CreateAnonymousClient();
        var publicPage = await anonymous.GetPageAsync($"/historier/{id}");
        var withdrawn = await secretariat.PostFormAsync(path, Form, Fields(("action", "withdraw")));

        Assert.Equal(["save", "submit"], asDraft);
        Assert.Equal(["save", "publish"], asSubmitted);
        Assert.Equal(["save", "withdraw"], asPublished);
        Assert.Contains("Historien er sendt til godkjenning.", submitted.Html, StringComparison.Ordinal);
        Assert.Contains("Historien er publisert.", published.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Equal("Kafé Landøya, publisert", publicPage.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Historien er trukket tilbake.", withdrawn.Html, StringComparison.Ordinal);
        var story = await secretariat.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("withdrawn", story.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheListShowsTheNetworksStoriesInEveryStatusAndOpensEachInTheForm()
    {
        await using var hub = await HubApp.StartAsync();
        using var admin = hub.CreateClient();
        var draft = (await admin.CreateStoryAsync(StoryRequests.Landoya().With("title", "Utkast fra Asker"))).GetProperty("id").GetString()!;
        var published = (await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Publisert fra Asker"))).GetProperty("id").GetString()!;
        await admin.CreateStoryAsync(StoryRequests.Landoya().With("title", "Fra Trøndelag").With("network", "trondelag").With("kommunenummer", "5001"));
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "nasjonalt");

        var overview = await secretariat.GetPageAsync("/arbeid/historier");
        var onlyPublished = await secretariat.GetPageAsync("/arbeid/historier?status=published");
        var elsewhere = await secretariat.GetPageAsync("/arbeid/historier?network=trondelag");

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        var links = overview.Document.QuerySelectorAll("table a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Utkast fra Asker", $"/arbeid/historier/{draft}"), links);
        Assert.Contains(("Publisert fra Asker", $"/arbeid/historier/{published}"), links);
        Assert.DoesNotContain(links, l => l.TextContent == "Fra Trøndelag");
        Assert.Equal(["Publisert fra Asker"], onlyPublished.Document.QuerySelectorAll("table a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Status);
    }
}
