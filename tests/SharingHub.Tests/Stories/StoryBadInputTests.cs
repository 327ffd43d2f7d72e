using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

/// <summary>Every bad input the issue lists: a 4xx ProblemDetails that names the field and the reason, and nothing stored.</summary>
public sealed class StoryBadInputTests
{
    public static TheoryData<string, string, string> InvalidFields() => new()
    {
        // case name, field to change (JSON path, value as JSON), field the answer must name
        { "unknown municipality", """{"kommunenummer":"9999"}""", "kommunenummer" },
        { "unknown county", """{"kommunenummer":null,"fylkesnummer":"99"}""", "fylkesnummer" },
        { "county that does not hold the municipality", """{"fylkesnummer":"50"}""", "fylkesnummer" },
        { "neither municipality nor county", """{"kommunenummer":null}""", "kommunenummer" },
        { "target not one of the 169", """{"targets":["12.3","12.9"]}""", "targets[1]" },
        { "local target code among official targets", """{"targets":["3.9a"]}""", "targets[0]" },
        { "official target among local targets", """{"localTargets":[{"owner":"3203","code":"12.3","text":"Halvere matsvinn"}]}""", "localTargets[0].code" },
        { "local target of unknown municipality", """{"localTargets":[{"owner":"0000","code":"3.9a","text":"x"}]}""", "localTargets[0].owner" },
        { "goal 18", """{"goals":[12,18]}""", "goals[1]" },
        { "goal 0", """{"goals":[0]}""", "goals[0]" },
        { "empty title", """{"title":"   "}""", "title" },
        { "missing title", """{"title":null}""", "title" },
        { "control character in title", """{"title":"Kafé\u0007Landøya"}""", "title" },
        { "line break in title", """{"title":"Kafé\nLandøya"}""", "title" },
        { "control character in body", """{"body":"Tekst\u0000med null"}""", "body" },
        { "network that does not exist", """{"network":"atlantis"}""", "network" },
        { "network id storage cannot hold", """{"network":"a/b#c"}""", "network" },
        { "missing network", """{"network":null}""", "network" },
        { "unknown sector", """{"sector":"military"}""", "sector" },
        { "unknown novelty", """{"novelty":"revolutionary"}""", "novelty" },
        { "unknown resources", """{"resources":"huge"}""", "resources" },
        { "empty recipe step", """{"recipe":["Gjør dette",""]}""", "recipe[1]" },
        { "link that is not http", """{"links":["javascript:alert(1)"]}""", "links[0]" },
        { "contact e-mail that is not one", """{"contact":{"name":"Kari","email":"kari(at)asker"}}""", "contact.email" },
        { "unknown field", """{"colour":"green"}""", "colour" },
        { "text where a list is expected", """{"goals":"12"}""", "goals" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task PostingStoryWithInvalidFieldReturnsProblemNamingFieldAndStoresNothing(string name, string change, string field)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var body = StoryRequests.Landoya();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await client.PostStoryAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        Assert.Contains(field, await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingStoryWithTenThousandCharacterTitleReturnsProblemNamingTitle()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostStoryAsync(StoryRequests.Landoya().With("title", new string('ø', 10_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("at most 200", problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingMalformedJsonReturnsProblemNamingBody()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/stories", new StringContent("""{"title": "Kafé Landøya", """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body", await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingEmptyBodyReturnsProblemNamingBody()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/stories", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body", await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task PostingWithWrongContentTypeReturnsUnsupportedMediaType(string? contentType)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(StoryRequests.Landoya().ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        var response = await client.PostAsync("/api/stories", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingBodyOverTheLimitReturnsPayloadTooLarge()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostStoryAsync(StoryRequests.Landoya().With("body", new string('a', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("body", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingBodyOverTheLimitWithoutContentLengthReturnsPayloadTooLarge()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(StoryRequests.Landoya().With("body", new string('a', 300 * 1024)).ToJsonString());
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/stories", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task PostingInvalidStoryReportsEveryFieldAtOnce()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostStoryAsync(StoryRequests.Landoya()
            .With("title", "")
            .With("kommunenummer", "9999")
            .With("goals", new JsonArray(18))
            .With("targets", new JsonArray("19.1"))
            .With("network", "atlantis"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await response.ProblemFieldsAsync();
        Assert.Equal(["goals[0]", "kommunenummer", "network", "targets[0]", "title"], fields.Order());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    [Fact]
    public async Task InvalidIdempotencyKeyReturnsProblemNamingHeader()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.ProblemFieldsAsync());
        Assert.Equal(0, await hub.StoredRowsAsync());
    }

    /// <summary>A stream whose length the client cannot know, so the request goes chunked without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
