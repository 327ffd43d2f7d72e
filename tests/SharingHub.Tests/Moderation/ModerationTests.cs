using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Testing.FeedServer;
using SharingHub.Tests.Feeds;

namespace SharingHub.Tests.Moderation;

public sealed class ModerationTests
{
    [Fact]
    public async Task QueueListsSubmittedStoriesOfTheNetworkOldestFirst()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);
        kit.Hub.Clock.Advance(TimeSpan.FromMinutes(5));
        var later = new SampleItem("p-200", null, "Senere innsendt", "<p>Kom med neste runde.</p>", FeedSamples.Start.AddYears(-1));
        kit.Server.Publish("trondelag.xml", FeedSamples.Rss([later, .. FeedSamples.Trondelag]));
        await kit.PollAsync(sid);

        var queue = await kit.QueueAsync();

        Assert.Equal(
            ["Halverte matsvinnet i skolekantinene", "Grønn barnehage på Snåase", "Biblioteket låner ut verktøy og sportsutstyr", "Senere innsendt"],
            queue.Select(FeedTestKit.Title));
        Assert.Empty(await kit.QueueAsync("more-og-romsdal"));
    }

    [Fact]
    public async Task ApprovingWithAcceptedSuggestionsPublishesAndRecordsWhoAndWhen()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit, index: 1);
        using var otherNetwork = await kit.Hub.CreateClientWithRoleAsync("secretariat", "more-og-romsdal");
        using var editor = await kit.Hub.CreateClientWithRoleAsync("secretariat", "trondelag");

        var refused = await otherNetwork.PostAsJsonAsync($"/api/moderation/{id}/approve", new { acceptSuggestions = new[] { "goals" } });
        var response = await editor.PostAsJsonAsync($"/api/moderation/{id}/approve", new { acceptSuggestions = new[] { "municipality", "goals", "sector" } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = await kit.StoryAsync(id);
        Assert.Equal("published", story.GetProperty("status").GetString());
        Assert.Equal("5041", story.GetProperty("kommunenummer").GetString());
        Assert.Equal("50", story.GetProperty("fylkesnummer").GetString());
        Assert.Equal([7, 13], story.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("kindergarten", story.GetProperty("sector").GetString());
        var moderation = story.GetProperty("moderation");
        Assert.Equal("test secretariat", moderation.GetProperty("by").GetString());
        Assert.Equal("approved", moderation.GetProperty("decision").GetString());
        Assert.Equal(kit.Hub.Clock.GetUtcNow(), moderation.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(2, (await kit.QueueAsync()).Length);
        var published = await kit.Client.GetFromJsonAsync<JsonElement>("/api/stories?network=trondelag");
        Assert.Contains(published.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task WhoModeratedIsShownOnlyToTheNetworksSecretariatAndAdmins()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);
        using var editor = await kit.Hub.CreateClientWithRoleAsync("secretariat", "trondelag");
        using var otherNetwork = await kit.Hub.CreateClientWithRoleAsync("secretariat", "more-og-romsdal");
        using var anonymous = kit.Hub.CreateAnonymousClient();
        (await editor.PostAsJsonAsync($"/api/moderation/{id}/approve", new { })).EnsureSuccessStatusCode();

        static string? By(JsonElement story) => story.GetProperty("moderation").GetProperty("by").GetString();
        static async Task<JsonElement> Listed(HttpClient client, string id) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/stories?network=trondelag")).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

        Assert.Equal("test secretariat", By(await editor.GetFromJsonAsync<JsonElement>($"/api/stories/{id}")));
        Assert.Equal("test secretariat", By(await Listed(editor, id)));
        Assert.Equal("test secretariat", By(await Listed(kit.Client, id)));
        foreach (var outsider in new[] { anonymous, otherNetwork })
        {
            var single = await outsider.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
            Assert.Null(By(single));
            Assert.Equal("approved", single.GetProperty("moderation").GetProperty("decision").GetString());
            Assert.Null(By(await Listed(outsider, id)));
            Assert.DoesNotContain("test secretariat", await outsider.GetStringAsync($"/api/stories/{id}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApprovingWithEditsPublishesTheEditedStory()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);

        var edits = new { title = "Trondheim halverte matsvinnet", summary = "Kortere og bedre.", network = "trondelag", kommunenummer = "5001", goals = new[] { 12 }, sector = "school" };
        var response = await kit.Client.PostAsJsonAsync($"/api/moderation/{id}/approve", new { edits });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = await kit.StoryAsync(id);
        Assert.Equal("Trondheim halverte matsvinnet", FeedTestKit.Title(story));
        Assert.Equal("5001", story.GetProperty("kommunenummer").GetString());
        Assert.Equal("published", story.GetProperty("status").GetString());
        Assert.Equal("feed", story.GetProperty("source").GetString());
    }

    [Fact]
    public async Task ApprovingWithInvalidEditsNamesTheEditedFieldsAndLeavesTheStoryInTheQueue()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);

        var response = await kit.Client.PostAsJsonAsync($"/api/moderation/{id}/approve", new { edits = new { title = "", network = "trondelag", kommunenummer = "9999" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("edits.title", out _));
        Assert.True(errors.TryGetProperty("edits.kommunenummer", out _));
        Assert.Equal("submitted", (await kit.StoryAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RejectingNeedsAReasonAndRecordsItWithTheSignedInEditor()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);
        using var editor = await kit.Hub.CreateClientWithRoleAsync("secretariat", "trondelag");

        var noReason = await editor.PostAsJsonAsync($"/api/moderation/{id}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("submitted", (await kit.StoryAsync(id)).GetProperty("status").GetString());

        var rejected = await editor.PostAsJsonAsync($"/api/moderation/{id}/reject", new { reason = "Dette er en nyhetssak, ikke et tiltak." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var story = await kit.StoryAsync(id);
        Assert.Equal("rejected", story.GetProperty("status").GetString());
        Assert.Equal("Dette er en nyhetssak, ikke et tiltak.", story.GetProperty("rejectionReason").GetString());
        Assert.Equal("test secretariat", story.GetProperty("moderation").GetProperty("by").GetString());
        Assert.Equal("rejected", story.GetProperty("moderation").GetProperty("decision").GetString());
        Assert.DoesNotContain(await kit.QueueAsync(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task AcceptingASuggestionTheStoryDoesNotHaveIsRefusedAndChangesNothing()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);

        var response = await kit.Client.PostAsJsonAsync($"/api/moderation/{id}/approve", new { acceptSuggestions = new[] { "municipality:0301", "colour" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("acceptSuggestions[1]", out _));
        var story = await kit.StoryAsync(id);
        Assert.Equal("submitted", story.GetProperty("status").GetString());
        Assert.Equal(1, story.GetProperty("version").GetInt32());

        var unknownMunicipality = await kit.Client.PostAsJsonAsync($"/api/moderation/{id}/approve", new { acceptSuggestions = new[] { "municipality:0301" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownMunicipality.StatusCode);
        Assert.True((await unknownMunicipality.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("acceptSuggestions[0]", out _));
        Assert.Equal("submitted", (await kit.StoryAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ApprovingAStoryThatIsNotInTheQueueIsAConflict()
    {
        await using var kit = await FeedTestKit.StartAsync();
        var id = await FirstQueuedAsync(kit);
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/moderation/{id}/approve", null)).StatusCode);

        var again = await kit.Client.PostAsync($"/api/moderation/{id}/approve", null);
        var reject = await kit.Client.PostAsJsonAsync($"/api/moderation/{id}/reject", new { reason = "for sent" });
        var missing = await kit.Client.PostAsync("/api/moderation/finnes-ikke/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task QueueNeedsAKnownNetwork()
    {
        await using var kit = await FeedTestKit.StartAsync();

        var without = await kit.Client.GetAsync("/api/moderation");
        var unknown = await kit.Client.GetAsync("/api/moderation?network=finnes-ikke");

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.True((await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("network", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<string> FirstQueuedAsync(FeedTestKit kit, int index = 0)
    {
        var sid = await kit.AddSourceAsync(kit.Server.Publish("trondelag.xml", FeedSamples.Rss(FeedSamples.Trondelag)));
        await kit.PollAsync(sid);
        return (await kit.QueueAsync())[index].GetProperty("id").GetString()!;
    }
}
