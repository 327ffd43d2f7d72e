using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Networks;

public sealed class NetworkApiTests
{
    private static JsonObject Network(string id = "nordland") => new()
    {
        ["id"] = id,
        ["name"] = "Bærekraftsnettverket i Nordland",
        ["fylker"] = new JsonArray("18"),
        ["contact"] = new JsonObject { ["name"] = "Sekretariatet", ["email"] = "post@example.no" },
    };

    [Fact]
    public async Task SeededNetworksAreListed()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var networks = await client.GetFromJsonAsync<JsonElement[]>("/api/networks");

        var ids = networks!.Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("nasjonalt", ids);
        Assert.Contains("trondelag", ids);
        Assert.Contains("trondelag-sorvest", ids);
        Assert.Contains("more-og-romsdal", ids);
        Assert.Contains("asker", ids);
        Assert.Contains("akershus", ids);
        Assert.Equal(15, networks!.Single(n => n.GetProperty("id").GetString() == "nasjonalt").GetProperty("fylker").GetArrayLength());
    }

    [Fact]
    public async Task CreatedNetworkIsListedAndStoriesCanUseIt()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/networks", StoryRequests.Json(Network()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/networks/nordland", response.Headers.Location!.OriginalString);
        var read = await client.GetFromJsonAsync<JsonElement>("/api/networks/nordland");
        Assert.Equal("Bærekraftsnettverket i Nordland", read.GetProperty("name").GetString());
        Assert.Equal(["18"], read.GetProperty("fylker").EnumerateArray().Select(f => f.GetString()));
        var story = await client.PostStoryAsync(StoryRequests.Landoya().With("kommunenummer", "1804").With("network", "nordland"));
        Assert.Equal(HttpStatusCode.Created, story.StatusCode);
    }

    [Fact]
    public async Task CreatingANetworkThatExistsReturnsConflict()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/networks", StoryRequests.Json(Network("trondelag").With("name", "Et annet navn")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await response.ProblemAsync();
        var kept = await client.GetFromJsonAsync<JsonElement>("/api/networks/trondelag");
        Assert.Equal("Bærekraftsnettverket i Trøndelag", kept.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"id":"Nordland"}""", "id")]
    [InlineData("""{"id":"nord land"}""", "id")]
    [InlineData("""{"id":"nord--land"}""", "id")]
    [InlineData("""{"id":"trøndelag"}""", "id")]
    [InlineData("""{"id":""}""", "id")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"fylker":["18","99"]}""", "fylker[1]")]
    [InlineData("""{"contact":{"email":"ikke-en-adresse"}}""", "contact.email")]
    [InlineData("""{"region":"nord"}""", "region")]
    public async Task CreatingAnInvalidNetworkReturnsProblemNamingFieldAndStoresNothing(string change, string field)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement[]>("/api/networks"))!.Length;
        var body = Network();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await client.PostAsync("/api/networks", StoryRequests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ProblemFieldsAsync());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement[]>("/api/networks"))!.Length);
    }

    [Theory]
    [InlineData("atlantis")]
    [InlineData("a%2Fb")]
    [InlineData("Tr%C3%B8ndelag")]
    public async Task GettingAnUnknownNetworkReturnsNotFound(string id)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.GetAsync($"/api/networks/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }
}
