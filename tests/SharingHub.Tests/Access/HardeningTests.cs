using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Networks;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class HardeningTests
{
    private const string Secret = "AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5";

    [Fact]
    public async Task AnInternalErrorAnswersProblemDetailsWithoutStackTraceConnectionStringOrKey()
    {
        await using var hub = await HubApp.StartAsync(configureServices: services =>
        {
            services.RemoveAll<INetworkStore>();
            services.AddSingleton<INetworkStore, BrokenNetworkStore>();
        });

        using var response = await hub.CreateClient().GetAsync("/api/networks");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("c2VjcmV0", body, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BrokenNetworkStore", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(hub.AdminKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(hub.StorageConnectionString, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersToCallersWithCredentialsArePrivateAndNeverStored()
    {
        await using var hub = await HubApp.StartAsync();
        using var subscriber = await hub.CreateClientWithRoleAsync("subscriber", "3203");
        using var badKey = hub.CreateClientWithKey("shk_" + new string('a', 32) + "_" + new string('b', 43));

        using var list = await hub.CreateClient().GetAsync("/api/stories?status=draft&network=nasjonalt");
        using var missing = await hub.CreateClient().GetAsync("/api/stories/finnes-ikke");
        using var forbidden = await subscriber.GetAsync("/api/keys");
        using var refused = await badKey.GetAsync("/api/stories");
        using var created = await hub.CreateClient().PostAsJsonAsync("/api/keys", new { name = "x", role = "organiser" });
        using var anonymous = await hub.CreateAnonymousClient().GetAsync("/api/stories");

        foreach (var response in new[] { list, missing, forbidden, refused, created })
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"{what}: Cache-Control {response.Headers.CacheControl}");
            Assert.Contains("X-Api-Key", response.Headers.Vary);
            Assert.Contains("Authorization", response.Headers.Vary);
        }
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False(anonymous.Headers.CacheControl?.Private ?? false);
        Assert.Contains("X-Api-Key", anonymous.Headers.Vary); // a shared cache must not hand the public's answer to a caller with a key
    }

    [Fact]
    public async Task OversizedAndOverlyDeepBodiesAreRefusedBeforeAnythingIsStored()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var huge = new StringContent("{\"name\":\"" + new string('x', 20_000) + "\",\"role\":\"admin\"}", Encoding.UTF8, "application/json");
        var deep = new StringContent(new string('[', 40) + new string(']', 40), Encoding.UTF8, "application/json");
        var nested = "{\"name\":\"x\",\"role\":\"admin\",\"scopes\":" + new string('[', 20) + new string(']', 20) + "}";

        using var tooLarge = await admin.PostAsync("/api/keys", huge);
        using var tooDeep = await admin.PostAsync("/api/keys", deep);
        using var tooNested = await admin.PostAsync("/api/keys", new StringContent(nested, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooNested.StatusCode);
        Assert.Equal("[]", await admin.GetStringAsync("/api/keys"));
    }

    [Fact]
    public async Task ARefusedKeyIsNeverEchoedBack()
    {
        await using var hub = await HubApp.StartAsync();
        var attempted = "shk_" + new string('c', 32) + "_" + new string('d', 43);

        using var response = await hub.CreateClientWithKey(attempted).PostAsJsonAsync("/api/stories", new { });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(new string('d', 43), body, StringComparison.Ordinal);
    }

    private sealed class BrokenNetworkStore : INetworkStore
    {
        private static Exception Failure() =>
            new InvalidOperationException($"DefaultEndpointsProtocol=https;AccountName=x;{Secret};EndpointSuffix=core.windows.net");

        public Task<Network?> GetAsync(string id, CancellationToken ct) => throw Failure();

        public Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct) => throw Failure();

        public Task<bool> TryAddAsync(Network network, CancellationToken ct) => Task.FromResult(false); // the seeder runs at start-up
    }
}
