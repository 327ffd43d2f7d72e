using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Webinars;

public sealed class WebinarApiTests
{
    [Fact]
    public async Task PostedEpisodeIsStoredInUtcAndShownInOsloTimeWithItsPresentations()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/webinars", new { title = "Vinterens Bærekraftsfredag", startsAt = "2026-12-04T08:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("baerekraftsfredag", created.GetProperty("series").GetString());
        Assert.Equal("planned", created.GetProperty("status").GetString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/webinars/{created.Id()}");
        Assert.Equal("2026-12-04T09:00:00+01:00", read.GetProperty("startsAt").GetString()); // winter time

        var summer = await WebinarTestData.CreateEpisodeAsync(client);
        Assert.Equal("2026-09-25T09:00:00+02:00", summer.GetProperty("startsAt").GetString()); // summer time
        var presentations = summer.GetProperty("presentations").EnumerateArray().ToList();
        Assert.Equal(2, presentations.Count);
        Assert.All(presentations, p => Assert.False(string.IsNullOrEmpty(p.Id())));
        Assert.Equal("00:05:00", presentations[1].GetProperty("chapter").GetProperty("start").GetString());
        Assert.Equal("LUP", presentations[1].GetProperty("speakers")[0].GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task PostingInvalidEpisodeNamesEveryBadFieldAndStoresNothing()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/webinars", new
        {
            title = "Bad\u0007title",
            startsAt = "2026-09-25T09:00:00",
            status = "cancelled",
            teamsUrl = "http://example.org/join",
            presentations = new object[] { new { title = "", offsetSeconds = -5, speakers = new[] { new { name = "" } } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "startsAt", "status", "teamsUrl", "presentations[0].title", "presentations[0].offsetSeconds", "presentations[0].speakers[0].name" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }
        var all = await client.GetFromJsonAsync<JsonElement>("/api/webinars");
        Assert.Equal(0, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PuttingEpisodeNeedsIfMatchKeepsPresentationIdsAndRejectsStaleVersions()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var created = await WebinarTestData.CreateEpisodeAsync(client);
        var firstPresentation = created.GetProperty("presentations")[0].Id();

        var update = new
        {
            title = "Bærekraftsfredag september",
            startsAt = "2026-09-25T09:00:00+02:00",
            status = "held",
            presentations = new object[] { new { id = firstPresentation, title = "Bibliotek og bærekraft (oppdatert)", offsetSeconds = 60 } },
        };
        var missing = await client.PutAsJsonAsync($"/api/webinars/{created.Id()}", update);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/webinars/{created.Id()}") { Content = JsonContent.Create(update) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var updated = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("held", body.GetProperty("status").GetString());
        Assert.Equal(firstPresentation, body.GetProperty("presentations")[0].Id());
        Assert.Equal(1, body.GetProperty("presentations").GetArrayLength());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/webinars/{created.Id()}") { Content = JsonContent.Create(update) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);

        var unknownPresentation = new HttpRequestMessage(HttpMethod.Put, $"/api/webinars/{created.Id()}")
        {
            Content = JsonContent.Create(new { title = "x", startsAt = "2026-09-25T09:00:00+02:00", presentations = new[] { new { id = "abc123", title = "x" } } }),
        };
        unknownPresentation.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        var refused = await client.SendAsync(unknownPresentation);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("presentations[0].id", out _));

        // A GET sent back unchanged is accepted: read-only fields are ignored.
        var current = await client.GetStringAsync($"/api/webinars/{created.Id()}");
        var roundTrip = new HttpRequestMessage(HttpMethod.Put, $"/api/webinars/{created.Id()}") { Content = new StringContent(current, Encoding.UTF8, "application/json") };
        roundTrip.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(roundTrip)).StatusCode);
    }

    [Fact]
    public async Task ListingFiltersByStartTimeAndStatus()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        foreach (var (month, status) in new[] { ("08", "published"), ("09", "held"), ("10", "planned") })
        {
            var response = await client.PostAsJsonAsync("/api/webinars", new { title = $"Episode {month}", startsAt = $"2026-{month}-28T09:00:00+02:00", status });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var autumn = await client.GetFromJsonAsync<JsonElement>("/api/webinars?from=2026-09-01&to=2026-11-01");
        Assert.Equal(["Episode 09", "Episode 10"], autumn.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("title").GetString()));
        var held = await client.GetFromJsonAsync<JsonElement>("/api/webinars?status=held");
        Assert.Equal("Episode 09", held.GetProperty("items").EnumerateArray().Single().GetProperty("title").GetString());

        var bad = await client.GetAsync("/api/webinars?from=yesterday&status=cancelled");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task UnknownEpisodeIsNotFound()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/webinars/0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/webinars/..%2F..%2Fetc")).StatusCode);
    }

    [Fact]
    public async Task PresentationBecomesDraftStoryLinkedBothWays()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var presentationId = episode.GetProperty("presentations")[0].Id();
        var route = $"/api/webinars/{episode.Id()}/presentations/{presentationId}/story";

        var invalid = await client.PostAsJsonAsync(route, new { network = "nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("network", out _));
        Assert.True(errors.TryGetProperty("kommunenummer", out _));

        var response = await client.PostAsJsonAsync(route, new { network = "more-og-romsdal", fylkesnummer = "15" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var story = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bibliotek og bærekraft", story.GetProperty("title").GetString());
        Assert.Equal("draft", story.GetProperty("status").GetString());
        Assert.Equal("webinar", story.GetProperty("source").GetString());
        Assert.Equal("Møre og Romsdal fylkesbibliotek", story.GetProperty("organisation").GetString());
        Assert.Contains("25. september 2026", story.GetProperty("summary").GetString());
        Assert.Equal(episode.Id(), story.GetProperty("presentation").GetProperty("webinarId").GetString());
        Assert.Equal(presentationId, story.GetProperty("presentation").GetProperty("presentationId").GetString());

        var linked = await client.GetFromJsonAsync<JsonElement>($"/api/webinars/{episode.Id()}");
        Assert.Equal(story.Id(), linked.GetProperty("presentations")[0].GetProperty("storyId").GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{story.Id()}");
        Assert.Equal(presentationId, stored.GetProperty("presentation").GetProperty("presentationId").GetString());

        var again = await client.PostAsJsonAsync(route, new { network = "more-og-romsdal", fylkesnummer = "15" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var missing = await client.PostAsJsonAsync($"/api/webinars/{episode.Id()}/presentations/ffff/story", new { network = "nasjonalt", kommunenummer = "3203" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
