using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Common;
using SharingHub.Digests;
using SharingHub.Feeds;
using SharingHub.People;
using SharingHub.Storage;
using SharingHub.Stories;
using SharingHub.Teams;
using SharingHub.Testing;
using SharingHub.Testing.FeedServer;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Access;
using SharingHub.Tests.Digests;
using SharingHub.Webinars;

namespace SharingHub.Tests.People;

public sealed class ErasureTests
{
    private const string Name = "Ingrid Bærekraftsen";
    private const string Email = "ingrid.baerekraftsen@trondheim.kommune.no";
    private const string Other = "per@trondheim.kommune.no";

    [Fact]
    public async Task ErasureLeavesNoTraceOfThePersonInAnyTableBlobOrQueue()
    {
        await using var feeds = await FeedServer.StartAsync();
        await using var host = await DigestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:PollInBackground"] = "false",
            ["Feeds:AllowPrivateNetworks"] = "true",
            ["Teams:TokenCacheKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var hub = host.Hub;
        var admin = hub.CreateClient();
        var subscription = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connectionId: null));

        // Stories: the person as contact, and named with her address in a published story's text, which a digest renders.
        var asContact = await AccessTestData.CreateStoryAsync(admin, "trondelag", "Første historie", new { name = Name, email = Email });
        var mentioning = await CreatePublishedAsync(admin, new
        {
            title = $"Kontakt {Name}",
            summary = $"Spør {Name} ({Email}) om erfaringene.",
            kommunenummer = "5001",
            network = "trondelag",
            contact = new { name = "Per Annen", email = Other },
        });
        // An import without source ids is keyed by its title, here holding the address.
        using var import = await admin.PostAsync("/api/stories/import?network=trondelag&status=published", Ndjson(new { title = $"Kontakt {Email}", kommunenummer = "5001" }));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        // A speaker, and the draft story made from her presentation.
        var (webinar, fromTalk) = await CreateEpisodeWithStoryAsync(admin);
        // A feed item whose id and link hold the address, and one that fails and is named by its id in the poll record.
        var source = await AddSourceAsync(admin, feeds.Publish("kontakt.xml", FeedSamples.Rss(
        [
            new SampleItem($"mailto:{Email}", $"https://baerekraft-trondelag.example.no/kontakt/{Email}", "Bibliotek som møteplass", "<p>Et bibliotek.</p>", FeedSamples.Start),
            new SampleItem($"kontakt-{Email}", null, null, "Uten tittel", FeedSamples.Start.AddDays(1)),
        ])));
        (await admin.PostAsync($"/api/networks/trondelag/sources/{source}/poll", null)).EnsureSuccessStatusCode();
        // The account that connected a tenant, with its token cache.
        var connection = await host.Service<TeamsConnectionService>().RegisterAsync(TeamsConnectionService.NewId(), "tenant-1", Email, "3203", CancellationToken.None);
        await host.Service<BlobTokenCacheStore>().SaveAsync(connection.Id, Encoding.UTF8.GetBytes("{\"Account\":{}}"), CancellationToken.None);
        // A digest in outbox mode: its delivery row and the kept Graph request both render the story's text.
        DigestScenario.ToNextMondayMorning(host);
        (await admin.PostAsync("/api/digests/run", null)).EnsureSuccessStatusCode();
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        var delivery = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>($"/api/deliveries?subscription={subscription}") ?? []).GetProperty("id").GetString()!;

        var before = await StoredData.PlacesHoldingAsync(hub, Email, Name);
        Assert.DoesNotContain(before, p => p.StartsWith($"table {StoryEntities.KeyTable}:", StringComparison.Ordinal)); // new key rows keep only a hash
        await AddLegacyKeyRowAsync(hub, $"title:kontakt {Email}|5001"); // the import's key, as rows written before kept it
        foreach (var place in new[]
        {
            $"table {StoryEntities.MainTable}:", $"table {TableWebinarStore.MainTable}:", $"table {TableFeedSourceStore.PollsTable}:",
            $"table {TableDeliveryStore.DeliveriesTable}:", $"table {TableTeamsConnectionStore.TableName}:", $"blob {BlobDigestOutbox.ContainerName}/",
        })
        {
            Assert.True(before.Any(p => p.StartsWith(place, StringComparison.Ordinal)), $"the test must start with the person in {place}\n{string.Join("\n", before)}");
        }

        using var erase = await admin.PostAsJsonAsync("/api/people/erase", new { email = Email.ToUpperInvariant(), name = Name });
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var after = await StoredData.PlacesHoldingAsync(hub, Email, Name);
        Assert.True(after.Count == 0, "still stored after erasure:\n" + string.Join("\n", after));
        var changed = report.GetProperty("changed");
        foreach (var holder in new[] { "stories", "storykeys", "presentations", "feedpolls", "deliveries", "teamsconnections" })
        {
            Assert.True(changed.GetProperty(holder).GetInt32() > 0, $"{holder}: {changed}");
        }
        Assert.NotEmpty(await StoredData.PlacesHoldingAsync(hub, Other)); // nobody else was erased

        // What callers see: the outbox, the stories, the connection.
        var outbox = await admin.GetStringAsync($"/api/deliveries/{delivery}/outbox");
        Assert.Contains(ErasedPerson.Placeholder, JsonDocument.Parse(outbox).RootElement.GetProperty("body").GetProperty("body").GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, (await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{asContact}")).GetProperty("contact").ValueKind);
        Assert.Equal($"Kontakt {ErasedPerson.Placeholder}", (await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{mentioning}")).GetProperty("title").GetString());
        Assert.Contains($"av {ErasedPerson.Placeholder} (Trondheim folkebibliotek)", (await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{fromTalk}")).GetProperty("summary").GetString());
        var erasedConnection = await admin.GetFromJsonAsync<JsonElement>($"/api/teams/connections/{connection.Id}");
        Assert.Equal(JsonValueKind.Null, erasedConnection.GetProperty("account").ValueKind);
        Assert.Equal("broken", erasedConnection.GetProperty("status").GetString());
        Assert.Null(await host.Service<BlobTokenCacheStore>().LoadAsync(connection.Id, CancellationToken.None));
        Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?entity=people/{report.GetProperty("person").GetString()}") ?? []);
        Assert.NotNull(webinar);
    }

    [Fact]
    public async Task ErasingASpeakerByAddressAloneFindsTheirNameAndRemovesItFromTheirEpisodesAndTheStoryDraftedFromTheTalk()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var (webinar, fromTalk) = await CreateEpisodeWithStoryAsync(admin);
        var publicView = await hub.CreateAnonymousClient().GetStringAsync($"/api/webinars/{webinar}");
        Assert.DoesNotContain(Email, publicView, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Name, (await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{fromTalk}")).GetProperty("summary").GetString());

        using var erase = await admin.PostAsJsonAsync("/api/people/erase", new { email = Email });
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, report.GetProperty("changed").GetProperty("presentations").GetInt32());
        var after = await StoredData.PlacesHoldingAsync(hub, Email, Name);
        Assert.True(after.Count == 0, "still stored after erasure:\n" + string.Join("\n", after));
        Assert.NotEmpty(await StoredData.PlacesHoldingAsync(hub, "per@asker.kommune.no")); // the other speaker stays
        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{fromTalk}");
        Assert.Contains($"av {ErasedPerson.Placeholder} (Trondheim folkebibliotek), Per Annen (Asker kommune)", story.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task AFeedItemWhoseIdHeldTheAddressIsStillRecognisedAfterErasure()
    {
        await using var feeds = await FeedServer.StartAsync();
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Feeds:PollInBackground"] = "false", ["Feeds:AllowPrivateNetworks"] = "true" });
        var admin = hub.CreateClient();
        var item = new SampleItem($"mailto:{Email}", $"https://baerekraft-trondelag.example.no/kontakt/{Email}", "Bibliotek som møteplass", "<p>Et bibliotek.</p>", FeedSamples.Start);
        var source = await AddSourceAsync(admin, feeds.Publish("kontakt.xml", FeedSamples.Rss([item])));
        (await admin.PostAsync($"/api/networks/trondelag/sources/{source}/poll", null)).EnsureSuccessStatusCode();
        var queued = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/moderation?network=trondelag") ?? []);
        Assert.Equal($"mailto:{Email}", queued.GetProperty("sourceId").GetString());

        (await admin.PostAsJsonAsync("/api/people/erase", new { email = Email })).EnsureSuccessStatusCode();
        feeds.Publish("kontakt.xml", FeedSamples.Rss([item], channel: "Ny ETag, samme sak"));
        hub.Clock.Advance(FeedSourceService.PollNowCooldown); // "poll now" runs at most once a minute per source
        var poll = await (await admin.PostAsync($"/api/networks/trondelag/sources/{source}/poll", null)).Content.ReadFromJsonAsync<JsonElement>();

        var story = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/moderation?network=trondelag") ?? []);
        Assert.Equal(StoryPersonalData.SourceIdPseudonym($"mailto:{Email}"), story.GetProperty("sourceId").GetString());
        Assert.Equal(JsonValueKind.Null, story.GetProperty("feed").GetProperty("link").ValueKind);
        Assert.DoesNotContain(Email, story.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, poll.GetProperty("itemsNew").GetInt32());
        Assert.Equal(1, poll.GetProperty("itemsSeen").GetInt32());
    }

    [Fact]
    public async Task ANetworkStillEditsAndDeduplicatesByTheSourceIdAnErasurePseudonymised()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var sourceId = $"crm:{Email}";
        object Draft(string title) => new { title, kommunenummer = "5001", network = "trondelag", sourceId, contact = new { name = Name, email = Email } };
        using var created = await admin.PostAsJsonAsync("/api/stories", Draft("Bibliotek og bærekraft"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        (await admin.PostAsJsonAsync("/api/people/erase", new { email = Email })).EnsureSuccessStatusCode();
        var erased = await admin.GetAsync($"/api/stories/{id}");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = JsonContent.Create(Draft("Bibliotek og bærekraft, oppdatert")) };
        put.Headers.IfMatch.Add(erased.Headers.ETag!);
        using var edited = await admin.SendAsync(put);
        using var again = await admin.PostAsJsonAsync("/api/stories", Draft("Samme sak en gang til"));

        Assert.Equal(StoryPersonalData.SourceIdPseudonym(sourceId), (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sourceId").GetString());
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task TheAddressComesInTheBodyAndReachesNoLogAndNoAuditRow()
    {
        var logs = new CapturedLogs();
        await using var hub = await HubApp.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace", ["Logging:LogLevel:Azure.Core"] = "Trace" },
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var admin = hub.CreateClient();
        await AccessTestData.CreateStoryAsync(admin, "trondelag", $"Kontakt {Name}", new { name = Name, email = Email });
        logs.Clear();

        using var erase = await admin.PostAsJsonAsync("/api/people/erase", new { email = Email, name = Name });
        var logged = logs.Entries;
        using var oldRoute = await admin.DeleteAsync($"/api/people/{Uri.EscapeDataString(Email)}");

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldRoute.StatusCode);
        Assert.Contains(logged, e => e.Contains("Erased person", StringComparison.Ordinal)); // the logs were captured
        Assert.DoesNotContain(logged, e => e.Contains(Email, StringComparison.OrdinalIgnoreCase) || e.Contains(Uri.EscapeDataString(Email), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logged, e => e.Contains(Name, StringComparison.OrdinalIgnoreCase));
        var person = (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("person").GetString()!;
        Assert.Equal(ErasureService.Reference(Email), person);
        var trail = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?entity=people/{person}") ?? []);
        Assert.Equal("POST /api/people/erase", trail.GetProperty("action").GetString());
        Assert.Empty(await StoredData.PlacesHoldingAsync(hub, Email, Name));
    }

    [Fact]
    public async Task RefusedCredentialsAreLoggedWithTheRoutePatternNotThePath()
    {
        var logs = new CapturedLogs();
        await using var hub = await HubApp.StartAsync(configureServices: services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        using var client = hub.CreateClientWithKey("shk_unknown_key");

        using var response = await client.GetAsync($"/api/stories/{Uri.EscapeDataString(Email)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Contains("GET /api/stories/{id}", StringComparison.Ordinal));
        Assert.Empty(logs.Holding(Email));
        Assert.Empty(logs.Holding(Uri.EscapeDataString(Email)));
    }

    [Theory]
    [InlineData("{\"email\":\"not-an-address\"}", "email")]
    [InlineData("{}", "email")]
    [InlineData("{\"email\":\"ola@kommune.no\",\"name\":\"Ol\"}", "name")]
    [InlineData("{\"email\":\"ola@kommune.no\",\"name\":\"Ola\\nNordmann\"}", "name")]
    [InlineData("{\"email\":\"ola@kommune.no\",\"phone\":\"12345678\"}", "phone")]
    public async Task AnErasureRequestThatIsNotAnAddressAndAnOptionalNameIsRefused(string body, string field)
    {
        await using var hub = await HubApp.StartAsync();

        using var response = await hub.CreateClient().PostAsync("/api/people/erase", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await AccessTestData.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<string> CreatePublishedAsync(HttpClient admin, object draft)
    {
        using var created = await admin.PostAsJsonAsync("/api/stories", draft);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await admin.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>An episode where the person and someone else speak, and the story drafted from the person's talk.</summary>
    private static async Task<(string Webinar, string Story)> CreateEpisodeWithStoryAsync(HttpClient admin)
    {
        using var created = await admin.PostAsJsonAsync("/api/webinars", new
        {
            title = "Bærekraftsfredag: bibliotek",
            startsAt = "2026-09-25T09:00:00+02:00",
            status = "published",
            presentations = new[]
            {
                new
                {
                    title = "Bibliotek og bærekraft",
                    speakers = new[]
                    {
                        new { name = Name, organisation = "Trondheim folkebibliotek", email = Email },
                        new { name = "Per Annen", organisation = "Asker kommune", email = "per@asker.kommune.no" },
                    },
                },
            },
        });
        created.EnsureSuccessStatusCode();
        var webinar = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = webinar.GetProperty("id").GetString()!;
        var presentation = webinar.GetProperty("presentations")[0].GetProperty("id").GetString()!;
        using var story = await admin.PostAsJsonAsync($"/api/webinars/{id}/presentations/{presentation}/story", new { network = "trondelag", kommunenummer = "5001" });
        Assert.True(story.IsSuccessStatusCode, await story.Content.ReadAsStringAsync());
        return (id, (await story.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private static async Task<string> AddSourceAsync(HttpClient admin, string url)
    {
        using var response = await admin.PostAsJsonAsync("/api/networks/trondelag/sources", new { url, intervalMinutes = 60 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Turns an import's key row into one as the hub wrote them before it kept only the hash: with the source id in a column.</summary>
    private static Task AddLegacyKeyRowAsync(HubApp hub, string sourceId) =>
        hub.Services.GetRequiredService<HubStorage>().Table(StoryEntities.KeyTable).UpsertEntityAsync(
            new TableEntity(StoryEntities.SourceKeyPartition(StorySources.Import, "trondelag"), Hashing.Sha256Hex(sourceId))
            {
                [StorySourceKeyPersonalData.LegacySourceIdColumn] = sourceId,
            },
            TableUpdateMode.Merge);

    private static ByteArrayContent Ndjson(object row)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(row)));
        content.Headers.ContentType = new("application/x-ndjson");
        return content;
    }
}
