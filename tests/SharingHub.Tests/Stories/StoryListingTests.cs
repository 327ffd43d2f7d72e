using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

public sealed class StoryListingTests
{
    /// <summary>
    /// Four published stories an hour apart (A oldest … D newest), one draft (E), one submitted (F).
    /// A: Asker school, goals 4 and 12. B: Trondheim library, goal 4. C: Møre og Romsdal (regional) library, goal 11. D: Asker health, goal 3.
    /// </summary>
    private sealed record Catalogue(HubApp Hub, HttpClient Client, DateTimeOffset Start, Dictionary<string, string> Ids)
    {
        public string Name(JsonElement story) => Ids.Single(i => i.Value == story.GetProperty("id").GetString()).Key;

        public async Task<string[]> ListAsync(string query)
        {
            var response = await Client.GetAsync($"/api/stories?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. page.GetProperty("items").EnumerateArray().Select(Name)];
        }
    }

    private static async Task<Catalogue> CatalogueAsync(HubApp hub)
    {
        var client = hub.CreateClient();
        var start = hub.Clock.GetUtcNow();
        var ids = new Dictionary<string, string>();
        async Task Publish(string name, JsonObject body)
        {
            hub.Clock.Advance(TimeSpan.FromHours(1));
            ids[name] = (await client.PublishStoryAsync(body)).GetProperty("id").GetString()!;
        }
        await Publish("A", StoryRequests.Landoya());
        await Publish("B", StoryRequests.Landoya().With("title", "Bibliotek som møteplass").With("kommunenummer", "5001").With("network", "trondelag")
            .With("sector", "library").With("goals", new JsonArray(4)).With("targets", new JsonArray("4.7")).With("localTargets", null));
        await Publish("C", StoryRequests.Landoya().With("title", "Bibliotek og bærekraft").With("kommunenummer", null).With("fylkesnummer", "15")
            .With("network", "more-og-romsdal").With("sector", "library").With("goals", new JsonArray(11)).With("targets", new JsonArray("11.4")).With("localTargets", null));
        await Publish("D", StoryRequests.Landoya().With("title", "Influensavaksine på innbyggertorget").With("network", "asker")
            .With("sector", "health").With("goals", new JsonArray(3)).With("targets", new JsonArray("3.8")).With("localTargets", null));
        hub.Clock.Advance(TimeSpan.FromHours(1));
        ids["E"] = (await client.CreateStoryAsync(StoryRequests.Landoya().With("title", "Utkast"))).GetProperty("id").GetString()!;
        var f = (await client.CreateStoryAsync(StoryRequests.Landoya().With("title", "Innsendt").With("kommunenummer", "5001").With("network", "trondelag")))
            .GetProperty("id").GetString()!;
        await client.ActAsync(f, "submit");
        ids["F"] = f;
        return new Catalogue(hub, client, start, ids);
    }

    [Fact]
    public async Task ListingByEachFacetReturnsExactlyTheMatchingPublishedStoriesNewestFirst()
    {
        await using var hub = await HubApp.StartAsync();
        var catalogue = await CatalogueAsync(hub);

        Assert.Equal(["D", "C", "B", "A"], await catalogue.ListAsync(""));
        Assert.Equal(["B", "A"], await catalogue.ListAsync("goal=4"));
        Assert.Equal(["A"], await catalogue.ListAsync("goal=12"));
        Assert.Equal(["A"], await catalogue.ListAsync("target=12.3"));
        Assert.Equal(["B", "A"], await catalogue.ListAsync("target=4.7"));
        Assert.Equal(["D", "A"], await catalogue.ListAsync("kommune=3203"));
        Assert.Equal(["D", "A"], await catalogue.ListAsync("fylke=32"));
        Assert.Equal(["C"], await catalogue.ListAsync("fylke=15"));
        Assert.Equal(["B"], await catalogue.ListAsync("network=trondelag"));
        Assert.Equal(["C", "B"], await catalogue.ListAsync("sector=library"));
        Assert.Empty(await catalogue.ListAsync("sector=business"));
        Assert.Empty(await catalogue.ListAsync("goal=17"));
    }

    [Fact]
    public async Task ListingByStatusShowsDraftsAndSubmittedOnlyWhenAskedFor()
    {
        await using var hub = await HubApp.StartAsync();
        var catalogue = await CatalogueAsync(hub);

        Assert.Equal(["E"], await catalogue.ListAsync("status=draft"));
        Assert.Equal(["F"], await catalogue.ListAsync("status=submitted"));
        Assert.Equal(["F"], await catalogue.ListAsync("status=submitted&network=trondelag"));
        Assert.Equal(["D", "C", "B", "A"], await catalogue.ListAsync("status=published"));
        Assert.DoesNotContain("E", await catalogue.ListAsync("kommune=3203"));
        Assert.DoesNotContain("F", await catalogue.ListAsync("network=trondelag"));
    }

    [Fact]
    public async Task ListingCombinesFacetsAndPublicationWindow()
    {
        await using var hub = await HubApp.StartAsync();
        var catalogue = await CatalogueAsync(hub);
        string At(int hours) => Uri.EscapeDataString(catalogue.Start.AddHours(hours).ToString("O"));

        Assert.Equal(["A"], await catalogue.ListAsync("goal=4&sector=school"));
        Assert.Equal(["A"], await catalogue.ListAsync("kommune=3203&goal=12&target=12.5&network=nasjonalt&fylke=32"));
        Assert.Empty(await catalogue.ListAsync("kommune=3203&network=trondelag"));
        Assert.Equal(["C", "B"], await catalogue.ListAsync($"publishedFrom={At(2)}&publishedTo={At(3)}"));
        Assert.Equal(["D", "C"], await catalogue.ListAsync($"publishedFrom={At(3)}"));
        Assert.Equal(["B", "A"], await catalogue.ListAsync($"publishedTo={At(2)}"));
        Assert.Equal(["C"], await catalogue.ListAsync($"sector=library&publishedFrom={At(3)}"));
        Assert.Equal(["A"], await catalogue.ListAsync($"kommune=3203&publishedTo={At(3)}"));
    }

    [Fact]
    public async Task PublishedToAsADateIncludesThatWholeDay()
    {
        await using var hub = await HubApp.StartAsync();
        hub.Clock.SetUtcNow(new DateTimeOffset(2030, 9, 25, 9, 0, 0, TimeSpan.Zero));
        var client = hub.CreateClient();
        var id = (await client.PublishStoryAsync()).GetProperty("id").GetString();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/stories?publishedFrom=2030-09-25&publishedTo=2030-09-25");

        Assert.Equal(id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task WithdrawingOrEditingAStoryMovesItInTheListings()
    {
        await using var hub = await HubApp.StartAsync();
        var catalogue = await CatalogueAsync(hub);
        var client = catalogue.Client;

        await client.ActAsync(catalogue.Ids["D"], "withdraw");
        Assert.Equal(["A"], await catalogue.ListAsync("kommune=3203"));
        Assert.Equal(["D"], await catalogue.ListAsync("status=withdrawn"));

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{catalogue.Ids["A"]}")
        {
            Content = StoryRequests.Json(StoryRequests.Landoya().With("kommunenummer", "3301").With("sector", "culture")),
        };
        put.Headers.IfMatch.ParseAdd("\"3\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        Assert.Empty(await catalogue.ListAsync("kommune=3203"));
        Assert.Equal(["A"], await catalogue.ListAsync("kommune=3301"));
        Assert.Equal(["A"], await catalogue.ListAsync("fylke=33"));
        Assert.Equal(["A"], await catalogue.ListAsync("sector=culture"));
        Assert.Empty(await catalogue.ListAsync("sector=school"));

        // Withdrawn, submitted again and published again: listed once, at its new publication time.
        hub.Clock.Advance(TimeSpan.FromHours(5));
        await client.ActAsync(catalogue.Ids["D"], "submit");
        await client.ActAsync(catalogue.Ids["D"], "publish");
        Assert.Equal(["D", "C", "B", "A"], await catalogue.ListAsync(""));
    }

    [Fact]
    public async Task PagingThroughAListingReturnsEveryStoryOnceNewestFirst()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var expected = new List<string>();
        var library = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            hub.Clock.Advance(TimeSpan.FromMinutes(1));
            var body = StoryRequests.Landoya().With("title", $"Historie {i}").With("sector", i % 3 == 0 ? "library" : "school");
            var id = (await client.PublishStoryAsync(body)).GetProperty("id").GetString()!;
            expected.Insert(0, id);
            if (i % 3 == 0)
            {
                library.Insert(0, id);
            }
        }

        foreach (var limit in new[] { 1, 5, 7, 23, 100 })
        {
            var all = await client.ListAllAsync("", limit);
            Assert.Equal(expected, all.Select(s => s.GetProperty("id").GetString()));
        }
        var filtered = await client.ListAllAsync("kommune=3203&sector=library", 3);
        Assert.Equal(library, filtered.Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task FirstPageHoldsLimitStoriesAndAToken()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            hub.Clock.Advance(TimeSpan.FromMinutes(1));
            await client.PublishStoryAsync();
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/stories?limit=2");
        var last = await client.GetFromJsonAsync<JsonElement>($"/api/stories?limit=2&continuationToken={first.GetProperty("continuationToken").GetString()}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("continuationToken").ValueKind);
    }

    [Theory]
    [InlineData("goal=18", "goal")]
    [InlineData("goal=twelve", "goal")]
    [InlineData("target=12.9", "target")]
    [InlineData("kommune=9999", "kommune")]
    [InlineData("fylke=99", "fylke")]
    [InlineData("network=Tr%C3%B8ndelag", "network")]
    [InlineData("sector=military", "sector")]
    [InlineData("status=secret", "status")]
    [InlineData("publishedFrom=yesterday", "publishedFrom")]
    [InlineData("publishedFrom=2026-10-01&publishedTo=2026-09-01", "publishedFrom")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("continuationToken=bm9uc2Vuc2U", "continuationToken")]
    [InlineData("colour=green", "colour")]
    [InlineData("goal=4&goal=12", "goal")]
    public async Task ListingWithMalformedParameterReturnsProblemNamingIt(string query, string field)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.GetAsync($"/api/stories?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ProblemFieldsAsync());
    }
}
