using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

public sealed class StoryApiTests
{
    [Fact]
    public async Task PostingStoryReturnsCreatedWithLocationBodyAndETag()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostStoryAsync(StoryRequests.Landoya());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var story = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = story.GetProperty("id").GetString()!;
        Assert.Equal($"/api/stories/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("Kafé Landøya: overskuddsmat blir smoothie og krutonger", story.GetProperty("title").GetString());
        Assert.Equal("draft", story.GetProperty("status").GetString());
        Assert.Equal("api", story.GetProperty("source").GetString());
        Assert.Equal(1, story.GetProperty("version").GetInt32());
        Assert.Equal("32", story.GetProperty("fylkesnummer").GetString()); // derived from kommunenummer 3203
        Assert.Equal(JsonValueKind.Null, story.GetProperty("publishedAt").ValueKind);
        Assert.Equal(hub.Clock.GetUtcNow(), story.GetProperty("createdAt").GetDateTimeOffset());

        var read = await client.GetAsync($"/api/stories/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        var again = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(story.ToString(), again.ToString());
    }

    [Fact]
    public async Task TargetImpliesItsGoalAndLocalTargetsStayApart()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var story = await client.CreateStoryAsync(StoryRequests.Landoya().With("goals", new JsonArray(4)).With("targets", new JsonArray("12.3", "4.7")));

        Assert.Equal([4, 12], story.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(["12.3", "4.7"], story.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        var local = Assert.Single(story.GetProperty("localTargets").EnumerateArray());
        Assert.Equal("3.9a", local.GetProperty("code").GetString());
        Assert.Equal("3203", local.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task GettingUnknownStoryReturnsNotFoundProblem()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.GetAsync("/api/stories/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UpdatingWithCurrentETagReplacesContentAndBumpsVersion()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        hub.Clock.Advance(TimeSpan.FromMinutes(5));

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Kafé Landøya, andre år")) };
        put.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("Kafé Landøya, andre år", stored.GetProperty("title").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.True(stored.GetProperty("updatedAt").GetDateTimeOffset() > stored.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task UpdatingWithStaleETagReturnsPreconditionFailedAndKeepsStory()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Første endring")) };
        first.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Andre endring")) };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        await response.ProblemAsync();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("Første endring", stored.GetProperty("title").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdatingWithoutIfMatchReturnsPreconditionRequired()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;

        var response = await client.PutAsync($"/api/stories/{id}", StoryRequests.Json(StoryRequests.Landoya().With("title", "Uten If-Match")));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        await response.ProblemAsync();
        Assert.Equal(StoryRequests.Landoya()["title"]!.GetValue<string>(), (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task UpdatingWithMalformedIfMatchReturnsBadRequestNamingIfMatch()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("title", "Feil ETag")) };
        put.Headers.TryAddWithoutValidation("If-Match", "version-one");
        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.ProblemFieldsAsync());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdatingWithInvalidBodyReturnsFieldErrorsAndKeepsStory()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/{id}") { Content = StoryRequests.Json(StoryRequests.Landoya().With("goals", new JsonArray(18))) };
        put.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("goals[0]", await response.ProblemFieldsAsync());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task StoryMovesFromDraftThroughSubmittedToPublishedAndCanBeWithdrawn()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;

        Assert.Equal("submitted", (await client.ActAsync(id, "submit")).GetProperty("status").GetString());
        hub.Clock.Advance(TimeSpan.FromHours(1));
        var published = await client.ActAsync(id, "publish");
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(hub.Clock.GetUtcNow(), published.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(3, published.GetProperty("version").GetInt32());
        var withdrawn = await client.ActAsync(id, "withdraw");
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("withdrawn", (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RejectingKeepsTheReasonAndTheStoryCanBeSubmittedAgain()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        await client.ActAsync(id, "submit");

        var rejected = await client.ActAsync(id, "reject", new JsonObject { ["reason"] = "Mangler resultater" });

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Mangler resultater", rejected.GetProperty("rejectionReason").GetString());
        var resubmitted = await client.ActAsync(id, "submit");
        Assert.Equal("submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, resubmitted.GetProperty("rejectionReason").ValueKind);
    }

    [Fact]
    public async Task RejectingWithoutReasonReturnsBadRequestNamingReason()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        await client.ActAsync(id, "submit");

        var empty = await client.PostAsync($"/api/stories/{id}/reject", StoryRequests.Json(new JsonObject { ["reason"] = "  " }));
        var missing = await client.PostAsync($"/api/stories/{id}/reject", StoryRequests.Json(new JsonObject()));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("reason", await empty.ProblemFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("reason", await missing.ProblemFieldsAsync());
        Assert.Equal("submitted", (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("draft", "publish")]
    [InlineData("draft", "reject")]
    [InlineData("draft", "withdraw")]
    [InlineData("submitted", "submit")]
    [InlineData("submitted", "withdraw")]
    [InlineData("published", "submit")]
    [InlineData("published", "publish")]
    [InlineData("published", "reject")]
    [InlineData("rejected", "publish")]
    [InlineData("rejected", "reject")]
    [InlineData("rejected", "withdraw")]
    [InlineData("withdrawn", "publish")]
    [InlineData("withdrawn", "reject")]
    [InlineData("withdrawn", "withdraw")]
    public async Task IllegalTransitionReturnsConflictAndKeepsStatus(string from, string action)
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        string[] path = from switch
        {
            "draft" => [],
            "submitted" => ["submit"],
            "published" => ["submit", "publish"],
            "rejected" => ["submit", "reject"],
            "withdrawn" => ["submit", "publish", "withdraw"],
            _ => throw new ArgumentOutOfRangeException(nameof(from)),
        };
        foreach (var step in path)
        {
            await client.ActAsync(id, step, step == "reject" ? new JsonObject { ["reason"] = "Ikke nok detaljer" } : null);
        }

        var response = await client.PostAsync($"/api/stories/{id}/{action}",
            action == "reject" ? StoryRequests.Json(new JsonObject { ["reason"] = "Ikke nok detaljer" }) : null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(from, (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(from, (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TransitionWithStaleIfMatchReturnsPreconditionFailed()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var id = (await client.CreateStoryAsync()).GetProperty("id").GetString()!;
        await client.ActAsync(id, "submit");

        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/stories/{id}/publish");
        publish.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await client.SendAsync(publish);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("submitted", (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RetryWithSameIdempotencyKeyReturnsSameStoryAndCreatesNoSecond()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var first = await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "asker-landoya-1");
        var retry = await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "asker-landoya-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(retry.IsSuccessStatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(1, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task ConcurrentRetriesWithSameIdempotencyKeyCreateOneStory()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "same-key")));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task SameIdempotencyKeyWithAnotherBodyReturnsUnprocessable()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "reused-key");

        var response = await client.PostStoryAsync(StoryRequests.Landoya().With("title", "En helt annen historie"), idempotencyKey: "reused-key");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await response.ProblemAsync();
        Assert.Equal(1, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task AnIdempotencyKeyBelongsToTheCallerThatSentIt()
    {
        await using var hub = await HubApp.StartAsync();
        using var national = await hub.CreateClientWithRoleAsync("secretariat", "nasjonalt");
        using var nationalToo = await hub.CreateClientWithRoleAsync("secretariat", "nasjonalt");
        using var trondelag = await hub.CreateClientWithRoleAsync("secretariat", "trondelag");

        var first = await national.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "shared-key");
        var sameBodyOtherCaller = await nationalToo.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "shared-key");
        var otherNetwork = await trondelag.PostStoryAsync(
            StoryRequests.Landoya().With("network", "trondelag").With("kommunenummer", "5001").With("title", "Trondheims egen").With("localTargets", new JsonArray()), idempotencyKey: "shared-key");
        var retry = await national.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "shared-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameBodyOtherCaller.StatusCode); // not the first caller's story
        Assert.Equal(HttpStatusCode.Created, otherNetwork.StatusCode);        // not 422: nobody learns the key was used
        static async Task<string?> Id(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var firstId = await Id(first);
        Assert.Equal(3, new[] { firstId, await Id(sameBodyOtherCaller), await Id(otherNetwork) }.Distinct().Count());
        Assert.Equal(firstId, await Id(retry));
        Assert.Equal(3, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task PostingSameSourceIdTwiceReturnsConflictNamingTheFirstStory()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var first = await client.CreateStoryAsync(StoryRequests.Landoya().With("sourceId", "asker-42"));

        var response = await client.PostStoryAsync(StoryRequests.Landoya().With("sourceId", "asker-42"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(first.GetProperty("id").GetString()!, (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(1, await hub.StoryCountAsync());
    }
}
