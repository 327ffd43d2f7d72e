using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using SharingHub.Digests;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Digests;
using SharingHub.Workspace;

namespace SharingHub.Tests.Workspace;

/// <summary>The subscriber's pages over HTTP, as a browser posts them: the subscription form, preview, test message, 403s.</summary>
public sealed class SubscriberPageTests
{
    private const string FormSelector = "form.hub-subscription-form";

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private static async Task<JsonElement[]> StoredAsync(DigestTestHost host, string kommune = "3203") =>
        await host.Hub.CreateClient().GetFromJsonAsync<JsonElement[]>($"/api/subscriptions?kommunenummer={kommune}") ?? [];

    [Fact]
    public async Task SubscriberCreatesASubscriptionThroughTheFormAndLandsOnItsPage()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var page = await client.PostFormAsync("/arbeid/abonnementer/ny", FormSelector, Fields(
            ("team", "team-asker"), ("kanal", "19:baerekraft@thread.tacv2"), ("mal", "3"), ("mal", "11"), ("delmal", "11.6, 13.1"),
            ("sektor", "school"), ("fylke", "32"), ("hyppighet", "weekly"), ("ukedag", "friday"), ("time", "9")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var stored = Assert.Single(await StoredAsync(host));
        var id = stored.GetProperty("id").GetString()!;
        Assert.Equal($"/arbeid/abonnementer/{id}", page.Response.RequestMessage!.RequestUri!.AbsolutePath); // redirected after the post
        Assert.Equal("Abonnement for Asker", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Abonnementet er lagret.", page.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        var filters = stored.GetProperty("filters");
        Assert.Equal([3, 11], filters.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(["11.6", "13.1"], filters.GetProperty("targets").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["school"], filters.GetProperty("sectors").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["32"], filters.GetProperty("fylker").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("friday", stored.GetProperty("cadence").GetProperty("dayOfWeek").GetString());
        Assert.Equal(9, stored.GetProperty("cadence").GetProperty("hour").GetInt32());
        // The form opens again with what was saved: goal tiles 3 and 11 checked.
        var checkedGoals = page.Document.QuerySelectorAll("input[name=mal]").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value);
        Assert.Equal(["3", "11"], checkedGoals);
        var list = await client.GetPageAsync("/arbeid/abonnementer");
        Assert.Contains("Asker", list.Document.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndNothingIsStored()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");
        await client.GetPageAsync("/arbeid/abonnementer/ny"); // the antiforgery cookie is set; the field is left out below

        var answer = await client.PostFormToAsync("/arbeid/abonnementer/ny", Fields(
            ("kommunenummer", "3203"), ("team", "t"), ("kanal", "c"), ("hyppighet", "weekly"), ("ukedag", "monday"), ("time", "8")));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task WrongValuesAreShownAtEachFieldInNorwegianWithTheFormKeptAndNothingStored()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var page = await client.PostFormAsync("/arbeid/abonnementer/ny", FormSelector, Fields(
            ("team", ""), ("kanal", "c"), ("delmal", "11.6, 99.9"), ("hyppighet", "monthly"), ("dag", ""), ("time", "8")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Empty(await StoredAsync(host));
        var summary = page.Document.QuerySelectorAll(".ds-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#f-team", summary);
        Assert.Contains("#f-delmal", summary);
        Assert.Contains("#f-dag", summary);
        var targets = (IHtmlInputElement)page.Document.QuerySelector("#f-delmal")!;
        Assert.Equal("11.6, 99.9", targets.Value);
        Assert.Equal("true", targets.GetAttribute("aria-invalid"));
        Assert.Contains("f-delmal-feil", targets.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("offisielle delmål", page.Document.QuerySelector("#f-delmal-feil")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#f-kanal")!.GetAttribute("aria-invalid"));
        Assert.Equal("monthly", page.Document.QuerySelectorAll("input[name=hyppighet]").OfType<IHtmlInputElement>().Single(i => i.IsChecked).Value);
    }

    [Fact]
    public async Task AFormInNynorskAnswersInNynorskWhenItFailsAndWhenItIsSaved()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var wrong = await client.PostFormAsync("/arbeid/abonnementer/ny?sprak=nn", FormSelector, Fields(("team", "t"), ("kanal", "c"), ("delmal", "99.9")));
        var saved = await client.PostFormAsync("/arbeid/abonnementer/ny?sprak=nn", FormSelector, Fields(("team", "t"), ("kanal", "c")));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("nn", wrong.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("skilde med komma", wrong.Document.QuerySelector("#f-delmal-feil")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("nn", saved.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Abonnementet er lagra.", saved.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscriberOfOneMunicipalityCannotOpenOrDeleteAnothersSubscription()
    {
        await using var host = await DigestTestHost.StartAsync();
        var trondheims = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(null, kommune: "5001"));
        using var asker = await host.Hub.WorkspaceClientAsync("subscriber", "3203");
        var token = WorkspaceTestKit.FormValues((IHtmlFormElement)(await asker.GetPageAsync("/arbeid/abonnementer/ny")).Document.QuerySelector(FormSelector)!)
            .Where(v => v.Key == WorkspaceModule.AntiforgeryField).ToList();

        var page = await asker.GetPageAsync($"/arbeid/abonnementer/{trondheims}");
        var delete = await asker.PostFormToAsync($"/arbeid/abonnementer/{trondheims}/slett", token);
        var test = await asker.PostFormToAsync($"/arbeid/abonnementer/{trondheims}/test", token);
        var deliveries = await asker.GetPageAsync($"/arbeid/leveranser?abonnement={trondheims}");
        var list = await asker.GetPageAsync("/arbeid/abonnementer");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        Assert.Equal(HttpStatusCode.Forbidden, test.Status);
        Assert.Equal(HttpStatusCode.Forbidden, deliveries.Status);
        Assert.Single(await StoredAsync(host, "5001"));
        Assert.Null(list.Document.QuerySelector("table"));
    }

    [Fact]
    public async Task ThePreviewShowsTheMatchingPublishedStoryAsTeamsWillAndFollowsTheFormsFilter()
    {
        await using var host = await DigestTestHost.StartAsync();
        await DigestScenario.PublishAsync(host, "Solceller på Landøya skole", goal: 7);
        await DigestScenario.PublishAsync(host, "<script>window.x=1</script>Matsvinn", goal: 12);
        var id = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(null, goals: [7]));
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var page = await client.GetPageAsync($"/arbeid/abonnementer/{id}");
        var changed = await client.PostFormAsync($"/arbeid/abonnementer/{id}", FormSelector, Fields(("mal", "12"), ("handling", "forhandsvis")));

        var message = page.Document.QuerySelector(".hub-teams-message")!;
        Assert.Contains("Solceller på Landøya skole", message.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Matsvinn", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bærekraftsnytt for Asker", message.QuerySelector("h2")!.TextContent);
        Assert.StartsWith("https://hub.example.no/historier/", message.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var preview = changed.Document.QuerySelector(".hub-teams-message")!;
        Assert.Contains("<script>window.x=1</script>Matsvinn", preview.TextContent, StringComparison.Ordinal); // shown as text
        Assert.Empty(changed.Document.QuerySelectorAll("main script"));
        Assert.DoesNotContain("Solceller", preview.TextContent, StringComparison.Ordinal);
        Assert.Equal([7], Assert.Single(await StoredAsync(host)).GetProperty("filters").GetProperty("goals").EnumerateArray().Select(g => g.GetInt32())); // a preview saves nothing
    }

    [Fact]
    public async Task TheTestMessageGoesToTheOutboxWithoutAConnectionAndToTeamsWithOne()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync(kommunenummer: "3203");
        var outboxOnly = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(null));
        var teams = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var toOutbox = await client.PostFormAsync($"/arbeid/abonnementer/{outboxOnly}", "form.hub-test-form", []);
        var toTeams = await client.PostFormAsync($"/arbeid/abonnementer/{teams}", "form.hub-test-form", []);

        Assert.Contains("lagt i utboksen", toOutbox.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        var outbox = host.Service<IDigestOutbox>();
        var kept = new List<string>();
        await foreach (var outboxId in outbox.IdsAsync(CancellationToken.None))
        {
            kept.Add(outboxId);
        }
        var testId = Assert.Single(kept, k => k.StartsWith($"test-{outboxOnly}-", StringComparison.Ordinal));
        Assert.Contains("SharingHub er koblet til denne kanalen", await outbox.GetAsync(testId, CancellationToken.None), StringComparison.Ordinal);
        Assert.Contains("sendt til kanalen", toTeams.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal($"/v1.0/teams/{DigestScenario.Team}/channels/{DigestScenario.Channel}/messages", Uri.UnescapeDataString(post.Path));
        Assert.Contains("SharingHub er koblet til denne kanalen", post.Json!["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamAndChannelArePickedFromWhatGraphListsForTheConnection()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel("team-a", "19:generelt", "Asker kommune", "Generelt");
        host.Graph.AddChannel("team-a", "19:baerekraft", "Asker kommune", "Bærekraft");
        host.Graph.AddChannel("team-b", "19:skole", "Skolene i Asker", "Skole");
        var connection = await host.ConnectAsync(kommunenummer: "3203");
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");
        var form = $"/arbeid/abonnementer/ny?tilkobling={connection.Id}";

        var teamsListed = await client.GetPageAsync(form);
        var channelsListed = await client.PostFormAsync(form, FormSelector, Fields(("team", "team-a"), ("handling", "kanaler")));
        Assert.Equal(HttpStatusCode.OK, channelsListed.Status);
        var saved = await client.PostFormToAsync("/arbeid/abonnementer/ny", [
            .. WorkspaceTestKit.FormValues((IHtmlFormElement)channelsListed.Document.QuerySelector(FormSelector)!).Where(v => v.Key is not ("kanal" or "handling")),
            new("kanal", "19:baerekraft")]);

        Assert.Equal(["Velg team", "Asker kommune", "Skolene i Asker"], teamsListed.Document.QuerySelectorAll("#f-team option").Select(o => o.TextContent));
        Assert.Equal(["Velg kanal", "Bærekraft", "Generelt"], channelsListed.Document.QuerySelectorAll("#f-kanal option").Select(o => o.TextContent));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var stored = Assert.Single(await StoredAsync(host));
        Assert.Equal(connection.Id, stored.GetProperty("connectionId").GetString());
        Assert.Equal("team-a", stored.GetProperty("teamId").GetString());
        Assert.Equal("19:baerekraft", stored.GetProperty("channelId").GetString());
        Assert.Contains(host.Graph.Requests, r => r.Kind == GraphCall.ListJoinedTeams && r.Status == 200);
        Assert.Contains(host.Graph.Requests, r => r.Kind == GraphCall.ListChannels && r.Path == "/v1.0/teams/team-a/channels");
    }

    [Fact]
    public async Task ASubscriberCannotPickFromAnotherMunicipalitysConnection()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel("team-a", "19:generelt", "Trondheim kommune", "Generelt");
        var trondheims = await host.ConnectAsync(kommunenummer: "5001");
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var page = await client.GetPageAsync($"/arbeid/abonnementer/ny?tilkobling={trondheims.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("#f-team option"));
        Assert.DoesNotContain(host.Graph.Requests, r => r.Kind == GraphCall.ListJoinedTeams);
    }
}
