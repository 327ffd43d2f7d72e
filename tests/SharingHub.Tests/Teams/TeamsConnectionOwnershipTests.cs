using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Teams;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Access;
using SharingHub.Tests.Digests;

namespace SharingHub.Tests.Teams;

/// <summary>A Teams connection belongs to the municipality whose subscriber made it; admins see all.</summary>
public sealed class TeamsConnectionOwnershipTests
{
    [Fact]
    public async Task AConnectionAndItsSignInFlowBelongToTheMunicipalityThatStartedIt()
    {
        await using var host = await StartAsync();
        using var asker = await host.Hub.CreateClientWithRoleAsync("subscriber", "3203");
        using var trondheim = await host.Hub.CreateClientWithRoleAsync("subscriber", "5001");
        using var admin = host.Hub.CreateClient();

        using var started = await asker.PostAsJsonAsync("/api/teams/connections/start", new { tenantId = "asker-tenant" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var flowId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flowId").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await trondheim.PostAsync($"/api/teams/connections/flows/{flowId}/poll", null)).StatusCode);
        var connection = await ConnectedAsync(asker, flowId);
        var id = connection.GetProperty("id").GetString()!;
        Assert.Equal("3203", connection.GetProperty("kommunenummer").GetString());

        using var othersRead = await trondheim.GetAsync($"/api/teams/connections/{id}");
        Assert.Equal(HttpStatusCode.NotFound, othersRead.StatusCode);
        Assert.DoesNotContain("asker-tenant", await othersRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("it@asker.kommune.no", await othersRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync($"/api/teams/connections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/teams/connections/{id}")).StatusCode);
        Assert.Equal(0, (await trondheim.GetFromJsonAsync<JsonElement>("/api/teams/connections")).GetArrayLength());
        Assert.Equal([id], (await asker.GetFromJsonAsync<JsonElement>("/api/teams/connections")).EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains(id, await admin.GetStringAsync("/api/teams/connections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscriberConnectsOnlyForItsOwnMunicipalityAndSaysWhichWhenItHasSeveral()
    {
        await using var host = await StartAsync();
        using var asker = await host.Hub.CreateClientWithRoleAsync("subscriber", "3203");
        using var both = await host.Hub.CreateClientWithRoleAsync("subscriber", "3203", "5001");

        using var forOther = await asker.PostAsJsonAsync("/api/teams/connections/start", new { kommunenummer = "5001" });
        using var unsaid = await both.PostAsJsonAsync("/api/teams/connections/start", new { tenantId = "t" });
        using var said = await both.PostAsJsonAsync("/api/teams/connections/start", new { kommunenummer = "5001" });

        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsaid.StatusCode);
        Assert.True((await AccessTestData.ProblemAsync(unsaid)).GetProperty("errors").TryGetProperty("kommunenummer", out _));
        Assert.Equal(HttpStatusCode.Accepted, said.StatusCode);
        var connection = await ConnectedAsync(both, (await said.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flowId").GetString()!);
        Assert.Equal("5001", connection.GetProperty("kommunenummer").GetString());
    }

    [Fact]
    public async Task ASubscriptionCannotPostThroughAnotherMunicipalitysConnection()
    {
        await using var host = await StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var askers = await host.ConnectAsync("asker-tenant", kommunenummer: "3203");
        var trondheims = await host.ConnectAsync("trondheim-tenant", kommunenummer: "5001");
        using var trondheim = await host.Hub.CreateClientWithRoleAsync("subscriber", "5001");

        using var borrowed = await trondheim.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(askers.Id, kommune: "5001"));
        using var own = await trondheim.PostAsJsonAsync("/api/subscriptions", DigestScenario.Subscription(trondheims.Id, kommune: "5001"));
        var ownId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var switched = await trondheim.SendAsync(AccessTestData.Request(HttpMethod.Put, $"/api/subscriptions/{ownId}",
            DigestScenario.Subscription(askers.Id, kommune: "5001"), ifMatch: "\"1\""));

        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
        Assert.True((await AccessTestData.ProblemAsync(borrowed)).GetProperty("errors").TryGetProperty("connectionId", out _));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, switched.StatusCode);
        var stored = await host.Hub.CreateClient().GetFromJsonAsync<JsonElement>("/api/subscriptions");
        Assert.Equal([trondheims.Id], stored.EnumerateArray().Select(s => s.GetProperty("connectionId").GetString()));
    }

    private static Task<DigestTestHost> StartAsync() => DigestTestHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Teams:ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["Teams:TokenCacheKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        },
        services =>
        {
            services.RemoveAll<ITeamsDeviceCodeSignIn>();
            services.AddSingleton<ITeamsDeviceCodeSignIn, ImmediateSignIn>();
        });

    private static async Task<JsonElement> ConnectedAsync(HttpClient client, string flowId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var poll = await client.PostAsync($"/api/teams/connections/flows/{flowId}/poll", null);
            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
            var body = await poll.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("status").GetString() == "connected")
            {
                return body.GetProperty("connection");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the sign-in never completed");
    }

    /// <summary>The person signs in at once, as the tenant asked for (Entra's side of the device-code grant).</summary>
    private sealed class ImmediateSignIn : ITeamsDeviceCodeSignIn
    {
        public async Task<DeviceSignIn> SignInAsync(string connectionId, string? tenantId, Func<DeviceCode, Task> show, CancellationToken ct)
        {
            await show(new DeviceCode("ABCD-EFGH", "https://microsoft.com/devicelogin", DateTimeOffset.UtcNow.AddMinutes(15), "Gå til https://microsoft.com/devicelogin"));
            return new DeviceSignIn(tenantId ?? "tenant-of-the-account", "it@asker.kommune.no");
        }
    }
}
