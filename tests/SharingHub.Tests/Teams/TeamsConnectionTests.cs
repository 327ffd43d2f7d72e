using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;
using SharingHub.Teams;
using SharingHub.Testing;

namespace SharingHub.Tests.Teams;

public sealed class TeamsConnectionTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void TokenCacheIsEncryptedAndBoundToItsConnection()
    {
        var protector = new TokenCacheProtector(Key);
        var cache = Encoding.UTF8.GetBytes("{\"RefreshToken\":{\"secret\":\"0.AAAA-refresh\"}}");

        var sealedCache = protector.Protect(cache, "c1");
        var tampered = sealedCache.ToArray();
        tampered[^1] ^= 1;

        Assert.Equal(cache, protector.Unprotect(sealedCache, "c1"));
        Assert.DoesNotContain("refresh", Encoding.UTF8.GetString(sealedCache), StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, "c1"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedCache, "c2"));
        Assert.ThrowsAny<CryptographicException>(() => new TokenCacheProtector(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Unprotect(sealedCache, "c1"));
    }

    [Fact]
    public async Task TokenCacheBlobHoldsOnlyCiphertextAndReadsBack()
    {
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Teams:TokenCacheKey"] = Key, ["Digests:RunWorkers"] = "false" });
        var store = hub.Services.GetRequiredService<BlobTokenCacheStore>();
        var cache = Encoding.UTF8.GetBytes("{\"AccessToken\":{\"secret\":\"eyJ0eXAi-access\"}}");

        await store.SaveAsync("conn1", cache, CancellationToken.None);
        var raw = await hub.Services.GetRequiredService<HubStorage>().Container(BlobTokenCacheStore.ContainerName).GetBlobClient("conn1.bin").DownloadContentAsync();

        Assert.DoesNotContain("eyJ0eXAi", raw.Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Equal(cache, await store.LoadAsync("conn1", CancellationToken.None));
        Assert.Null(await store.LoadAsync("never-connected", CancellationToken.None));
    }

    [Fact]
    public async Task StartingAConnectionWithoutSignInConfiguredSaysWhatToSet()
    {
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Digests:RunWorkers"] = "false" });
        var client = hub.CreateClient();

        var response = await client.PostAsync("/api/teams/connections/start", null);
        var poll = await client.PostAsync("/api/teams/connections/flows/nope/poll", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Teams:ClientId", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
    }
}
