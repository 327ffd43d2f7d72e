using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Testing;
using SharingHub.Testing.OidcDouble;
using SharingHub.Testing.SignIn;

namespace SharingHub.Tests.SignIn;

/// <summary>Invitations by e-mail, bound to the account at its first sign-in with Microsoft whose verified address matches.</summary>
public sealed class MemberTests : IAsyncLifetime
{
    private const string Asker = "33333333-3333-4333-8333-333333333333";
    private const string Elsewhere = "44444444-4444-4444-8444-444444444444";
    private OidcDouble oidc = default!;
    private HubApp hub = default!;

    public async Task InitializeAsync()
    {
        oidc = await OidcDouble.StartAsync();
        hub = await HubApp.StartAsync(oidc.HubSettings());
        oidc.Clock = hub.Clock;
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        await oidc.DisposeAsync();
    }

    private async Task<string> SignInAsync(OidcUser user)
    {
        oidc.NextUser = user;
        using var browser = new SessionClient(hub);
        using var landed = await browser.FollowAsync(await browser.GetAsync("/logg-inn/microsoft?tilbake=%2Farbeid"));
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return await landed.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AnInvitationIsBoundToTheFirstAccountThatSignsInWithTheVerifiedAddressAndStaysWithIt()
    {
        using var admin = hub.CreateClient();
        using var invited = await admin.PostAsJsonAsync("/api/members", new { email = "Kari.Nordmann@Asker.kommune.no", role = "subscriber", scopes = new[] { "3203" } });
        var id = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // Someone in another tenant whose e-mail attribute claims the address, without Entra vouching for it, gets nothing.
        var impostor = await SignInAsync(new OidcUser(Elsewhere, "dddddddd-0000-4000-8000-000000000004", "Not Kari", "kari.nordmann@asker.kommune.no", EmailVerified: false));
        var first = await SignInAsync(new OidcUser(Asker, "eeeeeeee-0000-4000-8000-000000000005", "Kari Nordmann", "kari.nordmann@asker.kommune.no"));
        // Later sign-ins by the same account keep the role, whatever address the account has by then.
        var later = await SignInAsync(new OidcUser(Asker, "eeeeeeee-0000-4000-8000-000000000005", "Kari Nordmann", "kari@asker.no"));
        // And the address no longer opens it for anybody else.
        var another = await SignInAsync(new OidcUser(Elsewhere, "ffffffff-0000-4000-8000-000000000006", "Kari N.", "kari.nordmann@asker.kommune.no"));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/members");

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.DoesNotContain("href=\"/arbeid/abonnementer\"", impostor);
        Assert.Contains("href=\"/arbeid/abonnementer\"", first);
        Assert.Contains("href=\"/arbeid/abonnementer\"", later);
        Assert.DoesNotContain("href=\"/arbeid/abonnementer\"", another);
        var member = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id, member.GetProperty("id").GetString());
        Assert.Equal("kari.nordmann@asker.kommune.no", member.GetProperty("email").GetString());
        Assert.Equal(Asker, member.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task ASecretariatInvitesForItsOwnNetworkOnlyAndBadInvitationsNameTheirField()
    {
        using var trondelag = await hub.CreateClientWithRoleAsync("secretariat", "trondelag");
        using var subscriber = await hub.CreateClientWithRoleAsync("subscriber", "3203");

        using var own = await trondelag.PostAsJsonAsync("/api/members", new { email = "ny@trondelag.no", role = "secretariat", scopes = new[] { "trondelag" } });
        using var foreign = await trondelag.PostAsJsonAsync("/api/members", new { email = "ny@asker.no", role = "secretariat", scopes = new[] { "asker" } });
        using var admin = await trondelag.PostAsJsonAsync("/api/members", new { email = "sjef@trondelag.no", role = "admin", scopes = Array.Empty<string>() });
        using var notAllowed = await subscriber.PostAsJsonAsync("/api/members", new { email = "x@asker.no", role = "subscriber", scopes = new[] { "3203" } });
        using var bad = await hub.CreateClient().PostAsJsonAsync("/api/members", new { email = "ikke-en-adresse", role = "subscriber", scopes = new[] { "9999" } });
        var listedByTrondelag = await trondelag.GetFromJsonAsync<JsonElement>("/api/members");

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("scopes[0]", out _));
        Assert.Equal("ny@trondelag.no", Assert.Single(listedByTrondelag.EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task ErasureDeletesThePersonsMembershipsAndInvitations()
    {
        using var admin = hub.CreateClient();
        using var _ = await admin.PostAsJsonAsync("/api/members", new { email = "ola.testesen@kommune.no", role = "organiser", scopes = Array.Empty<string>() });

        using var erased = await admin.PostAsJsonAsync("/api/people/erase", new { email = "ola.testesen@kommune.no" });
        var report = await erased.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/members");

        Assert.Equal(1, report.GetProperty("changed").GetProperty("members").GetInt32());
        Assert.Empty(listed.EnumerateArray());
    }
}
