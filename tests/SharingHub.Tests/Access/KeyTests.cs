using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class KeyTests
{
    [Fact]
    public async Task AnIssuedKeyIsShownOnceStoredOnlyAsAHashAndWorksForItsRole()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();

        using var created = await admin.PostAsJsonAsync("/api/keys", new { name = "Trøndelag sitt system", role = "secretariat", scopes = new[] { "trondelag" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("details").GetProperty("id").GetString()!;
        var listing = await admin.GetStringAsync("/api/keys");
        var table = new TableServiceClient(hub.StorageConnectionString).GetTableClient(hub.Prefix + "accesskeys");
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Contains(id, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.Single(stored);
        Assert.DoesNotContain(((IDictionary<string, object>)stored[0]).Values, v => v?.ToString()?.Contains(key[^43..], StringComparison.Ordinal) == true);
        using var asOwner = await hub.CreateClientWithKey(key).PostAsJsonAsync("/api/stories", AccessTestData.Draft("trondelag"));
        Assert.Equal(HttpStatusCode.Created, asOwner.StatusCode);
    }

    [Fact]
    public async Task RevokedAndExpiredKeysAreRefused()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var revokedKey = await hub.MintKeyAsync("organiser");
        var expiringKey = await hub.MintKeyAsync("organiser", expiresAt: hub.Clock.GetUtcNow().AddDays(1));
        var revokedId = revokedKey.Substring(4, 32);

        using var beforeRevoke = await hub.CreateClientWithKey(revokedKey).GetAsync("/api/stories");
        using var revoke = await admin.DeleteAsync($"/api/keys/{revokedId}");
        using var afterRevoke = await hub.CreateClientWithKey(revokedKey).GetAsync("/api/stories");
        using var beforeExpiry = await hub.CreateClientWithKey(expiringKey).GetAsync("/api/stories");
        hub.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using var afterExpiry = await hub.CreateClientWithKey(expiringKey).GetAsync("/api/stories");

        Assert.Equal(HttpStatusCode.OK, beforeRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/keys");
        Assert.NotNull(listed!.Single(k => k.GetProperty("id").GetString() == revokedId).GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task RotatingAKeyIssuesANewOneWithTheSameGrantAndRetiresTheOld()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();
        var old = await hub.MintKeyAsync("secretariat", ["asker"]);

        using var rotated = await admin.PostAsync($"/api/keys/{old.Substring(4, 32)}/rotate", null);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var fresh = body.GetProperty("key").GetString()!;
        using var withOld = await hub.CreateClientWithKey(old).PostAsJsonAsync("/api/stories", AccessTestData.Draft("asker"));
        using var withNew = await hub.CreateClientWithKey(fresh).PostAsJsonAsync("/api/stories", AccessTestData.Draft("asker"));
        using var newOutsideScope = await hub.CreateClientWithKey(fresh).PostAsJsonAsync("/api/stories", AccessTestData.Draft("trondelag"));

        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        Assert.NotEqual(old, fresh);
        Assert.Equal("asker", body.GetProperty("details").GetProperty("scopes")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newOutsideScope.StatusCode);
    }

    [Fact]
    public async Task AKeyRequestWithBadFieldsIsRefusedFieldByFieldAndIssuesNothing()
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/keys", new
        {
            name = "",
            role = "superuser",
            scopes = new[] { "nowhere" },
            expiresAt = hub.Clock.GetUtcNow().AddYears(5),
        });
        using var unknownScope = await admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "secretariat", scopes = new[] { "ikke-et-nettverk" } });
        using var unknownField = await admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "admin", isRoot = true });
        var problem = await AccessTestData.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["expiresAt", "name", "role"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknownScope.StatusCode);
        Assert.Contains("scopes[0]", (await unknownScope.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal("[]", await admin.GetStringAsync("/api/keys"));
    }

    [Theory]
    [InlineData("secretariat, organiser")] // 1 | 2 = 3 = subscriber, were it parsed as flags
    [InlineData("organiser,secretariat")]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData(" admin")]
    [InlineData("Admin Secretariat")]
    public async Task ARoleIsExactlyOneRoleNameNeverANumberOrACombination(string role)
    {
        await using var hub = await HubApp.StartAsync();
        var admin = hub.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = "kombinert", role, scopes = new[] { "3203" } });
        var problem = await AccessTestData.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["role"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal("[]", await admin.GetStringAsync("/api/keys"));
    }

    [Fact]
    public async Task OnlyAdminsManageKeys()
    {
        await using var hub = await HubApp.StartAsync();
        var secretariat = await hub.CreateClientWithRoleAsync("secretariat", "asker");

        using var list = await secretariat.GetAsync("/api/keys");
        using var create = await secretariat.PostAsJsonAsync("/api/keys", new { name = "meg selv", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }
}
