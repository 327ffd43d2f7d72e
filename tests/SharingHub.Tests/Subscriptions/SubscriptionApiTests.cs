using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Digests;

namespace SharingHub.Tests.Subscriptions;

public sealed class SubscriptionApiTests
{
    [Fact]
    public async Task CreatingSubscriptionChecksTeamAndChannelThroughGraphAndStoresIt()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        var client = host.Hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(connection.Id, goals: [3, 4, 9, 11, 13, 17]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}");
        Assert.Equal("3203", read.GetProperty("kommunenummer").GetString());
        Assert.Equal([3, 4, 9, 11, 13, 17], read.GetProperty("filters").GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("weekly", read.GetProperty("cadence").GetProperty("kind").GetString());
        Assert.Equal("monday", read.GetProperty("cadence").GetProperty("dayOfWeek").GetString());
        Assert.Contains(host.Graph.Requests, r => r.Kind == GraphCall.GetTeam && r.Path == $"/v1.0/teams/{DigestScenario.Team}");
        var channelCheck = Assert.Single(host.Graph.Requests, r => r.Kind == GraphCall.GetChannel);
        Assert.Equal($"Bearer token-for-{connection.Id}", channelCheck.Headers["Authorization"]);
    }

    [Fact]
    public async Task CreatingSubscriptionForUnknownChannelReturnsProblemDetailsAndStoresNothing()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, "some-other-channel");
        var connection = await host.ConnectAsync();
        var client = host.Hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(connection.Id));
        var unknownTeam = await client.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(connection.Id, team: "no-such-team"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("channelId", out _));
        var teamProblem = await unknownTeam.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(teamProblem.GetProperty("errors").TryGetProperty("teamId", out _));
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/subscriptions") ?? []);
    }

    [Fact]
    public async Task InvalidSubscriptionNamesEveryBadField()
    {
        await using var host = await DigestTestHost.StartAsync();
        var client = host.Hub.CreateClient();
        var body = new
        {
            kommunenummer = "9999",
            connectionId = "no-such-connection",
            teamId = "t",
            channelId = "",
            filters = new { goals = new[] { 3, 18 }, sectors = new[] { "space" }, fylker = new[] { "99" } },
            cadence = new { kind = "weekly", hour = 25 },
        };

        var response = await client.PostAsJsonAsync("/api/subscriptions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "kommunenummer", "connectionId", "channelId", "filters.goals[1]", "filters.sectors[0]", "filters.fylker[0]", "cadence.dayOfWeek", "cadence.hour" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }
        var badKind = await client.PostAsJsonAsync("/api/subscriptions", new { kommunenummer = "3203", teamId = "t", channelId = "c", cadence = new { kind = "daily" } });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/subscriptions") ?? []);
    }

    [Fact]
    public async Task UpdatingNeedsIfMatchAndDeletingRemovesTheSubscription()
    {
        await using var host = await DigestTestHost.StartAsync();
        var client = host.Hub.CreateClient();
        var id = await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(null, goals: [3]));

        var withoutIfMatch = await client.PutAsJsonAsync($"/api/subscriptions/{id}", DigestScenario.Subscription(null, goals: [5]));
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/subscriptions/{id}") { Content = JsonContent.Create(DigestScenario.Subscription(null, goals: [5])) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var updated = await client.SendAsync(update);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}");
        var deleted = await client.DeleteAsync($"/api/subscriptions/{id}");
        var gone = await client.GetAsync($"/api/subscriptions/{id}");

        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(5, read.GetProperty("filters").GetProperty("goals")[0].GetInt32());
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
