using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class StoryAccessTests
{
    [Fact]
    public async Task EachWriteRouteRefusesNoKeyWithUnauthorizedAndTheWrongRoleOrNetworkWithForbidden()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var id = await AccessTestData.CreateStoryAsync(admin, "trondelag");
        var callers = new Dictionary<string, (HttpClient Client, HttpStatusCode Expected)>
        {
            ["anonymous"] = (hub.CreateAnonymousClient(), HttpStatusCode.Unauthorized),
            ["subscriber"] = (await hub.CreateClientWithRoleAsync("subscriber", "5001"), HttpStatusCode.Forbidden),
            ["organiser"] = (await hub.CreateClientWithRoleAsync("organiser"), HttpStatusCode.Forbidden),
            ["secretariat of asker"] = (await hub.CreateClientWithRoleAsync("secretariat", "asker"), HttpStatusCode.Forbidden),
        };
        Func<HttpRequestMessage>[] writes =
        [
            () => AccessTestData.Request(HttpMethod.Post, "/api/stories", AccessTestData.Draft("trondelag")),
            () => AccessTestData.Request(HttpMethod.Put, $"/api/stories/{id}", AccessTestData.Draft("trondelag", "Endret"), "\"1\""),
            () => AccessTestData.Request(HttpMethod.Post, $"/api/stories/{id}/submit"),
            () => AccessTestData.Request(HttpMethod.Post, $"/api/stories/{id}/publish"),
            () => AccessTestData.Request(HttpMethod.Post, $"/api/stories/{id}/reject", new { reason = "Nei" }),
            () => AccessTestData.Request(HttpMethod.Post, $"/api/stories/{id}/withdraw"),
            () => AccessTestData.Request(HttpMethod.Post, "/api/networks", new { id = "ny", name = "Nytt nettverk", fylker = new[] { "50" } }),
            () => AccessTestData.Request(HttpMethod.Post, "/api/keys", new { name = "x", role = "admin" }),
            () => AccessTestData.Request(HttpMethod.Post, "/api/people/erase", new { email = "someone@kommune.no" }),
            () => AccessTestData.Request(HttpMethod.Delete, $"/api/keys/{new string('a', 32)}"),
            () => AccessTestData.Request(HttpMethod.Post, $"/api/keys/{new string('a', 32)}/rotate"),
        ];

        foreach (var (who, (client, expected)) in callers)
        {
            foreach (var write in writes)
            {
                using var request = write();
                var what = $"{request.Method} {request.RequestUri}";
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == expected, $"{who}: {what} answered {(int)response.StatusCode}, expected {(int)expected}");
                await AccessTestData.ProblemAsync(response);
            }
        }

        foreach (var who in new[] { "subscriber", "organiser" })
        {
            using var import = await callers[who].Client.PostAsync("/api/stories/import",
                new StringContent(JsonSerializer.Serialize(AccessTestData.Draft("trondelag")), Encoding.UTF8, "application/x-ndjson"));
            Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        }

        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("draft", story.GetProperty("status").GetString());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/stories?status=draft&network=trondelag")).GetProperty("items").EnumerateArray());
        Assert.Equal(1, story.GetProperty("version").GetInt32());
        using var networkResponse = await admin.GetAsync("/api/networks/ny");
        Assert.Equal(HttpStatusCode.NotFound, networkResponse.StatusCode);
    }

    [Fact]
    public async Task SecretariatOfOneNetworkCannotTouchAnotherNetworksStoriesButRunsItsOwn()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var trondelag = await hub.CreateClientWithRoleAsync("secretariat", "trondelag");
        var asker = await hub.CreateClientWithRoleAsync("secretariat", "asker");

        using var created = await trondelag.PostAsJsonAsync("/api/stories", AccessTestData.Draft("trondelag"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var askerReads = await asker.GetAsync($"/api/stories/{id}");
        using var askerSubmits = await asker.PostAsync($"/api/stories/{id}/submit", null);
        using var askerPostsForTrondelag = await asker.PostAsJsonAsync("/api/stories", AccessTestData.Draft("trondelag"));
        using var askerListsTrondelagDrafts = await asker.GetAsync("/api/stories?status=draft&network=trondelag");

        Assert.Equal(HttpStatusCode.NotFound, askerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, askerSubmits.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, askerPostsForTrondelag.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, askerListsTrondelagDrafts.StatusCode);

        (await trondelag.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        var drafts = await trondelag.GetFromJsonAsync<JsonElement>("/api/stories?status=submitted&network=trondelag");
        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        (await trondelag.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();
        var story = await admin.GetFromJsonAsync<JsonElement>($"/api/stories/{id}");
        Assert.Equal("published", story.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DraftsNeverAppearToThePublicAndListingThemWithoutTheRoleIsForbidden()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var anonymous = hub.CreateAnonymousClient();
        var draftId = await AccessTestData.CreateStoryAsync(admin, "trondelag", "Hemmelig utkast", new { name = "Kari Nordmann", email = "kari@trondheim.kommune.no" });
        var publishedId = await AccessTestData.CreatePublishedStoryAsync(admin, "trondelag");
        var subscriber = await hub.CreateClientWithRoleAsync("subscriber", "5001");
        var secretariat = await hub.CreateClientWithRoleAsync("secretariat", "trondelag");

        var listing = await anonymous.GetStringAsync("/api/stories");
        var byNetwork = await anonymous.GetStringAsync("/api/stories?network=trondelag&kommune=5001");
        using var draftRead = await anonymous.GetAsync($"/api/stories/{draftId}");
        using var anonymousDrafts = await anonymous.GetAsync("/api/stories?status=draft");
        using var subscriberDrafts = await subscriber.GetAsync("/api/stories?status=draft&network=trondelag");
        using var secretariatAllDrafts = await secretariat.GetAsync("/api/stories?status=draft");
        var secretariatOwnDrafts = await secretariat.GetStringAsync("/api/stories?status=draft&network=trondelag");

        Assert.Contains(publishedId, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(draftId, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(draftId, byNetwork, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, subscriberDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secretariatAllDrafts.StatusCode);
        Assert.Contains(draftId, secretariatOwnDrafts, StringComparison.Ordinal);
        Assert.Contains("kari@trondheim.kommune.no", secretariatOwnDrafts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicSeesPublishedStoriesWithoutTheContactPerson()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var id = await AccessTestData.CreateStoryAsync(admin, "trondelag", "Med kontakt", new { name = "Ola Nordmann", email = "ola@trondheim.kommune.no" });
        (await admin.PostAsync($"/api/stories/{id}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/stories/{id}/publish", null)).EnsureSuccessStatusCode();

        var publicRead = await hub.CreateAnonymousClient().GetStringAsync($"/api/stories/{id}");
        var publicList = await hub.CreateAnonymousClient().GetStringAsync("/api/stories");
        var adminRead = await admin.GetStringAsync($"/api/stories/{id}");

        Assert.Contains("Med kontakt", publicRead, StringComparison.Ordinal);
        Assert.DoesNotContain("ola@trondheim", publicRead, StringComparison.Ordinal);
        Assert.DoesNotContain("ola@trondheim", publicList, StringComparison.Ordinal);
        Assert.Contains("ola@trondheim", adminRead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportBySecretariatStoresOnlyRowsOfItsOwnNetworks()
    {
        await using var hub = await HubApp.StartAsync();
        var asker = await hub.CreateClientWithRoleAsync("secretariat", "asker");
        var ndjson = string.Join('\n',
            JsonSerializer.Serialize(AccessTestData.Draft("asker", "Egen historie")),
            JsonSerializer.Serialize(AccessTestData.Draft("trondelag", "Fremmed historie")));

        using var response = await asker.PostAsync("/api/stories/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("failed").GetInt32());
        Assert.Contains("network", report.GetProperty("rows")[1].GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var trondelagSubmitted = await hub.CreateClient().GetStringAsync("/api/stories?status=submitted&network=trondelag");
        Assert.DoesNotContain("Fremmed historie", trondelagSubmitted, StringComparison.Ordinal);
    }
}
