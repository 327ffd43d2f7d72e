using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SharingHub.SignIn;
using SharingHub.Testing;
using SharingHub.Testing.OidcDouble;
using SharingHub.Testing.SignIn;

namespace SharingHub.Tests.SignIn;

/// <summary>"Logg inn med Microsoft" against a local OpenID Connect double: the hub's real handler, over HTTP.</summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private const string HomeTenant = "11111111-1111-4111-8111-111111111111";
    private const string OtherTenant = "22222222-2222-4222-8222-222222222222";
    private OidcDouble oidc = default!;
    private HubApp hub = default!;

    public async Task InitializeAsync()
    {
        oidc = await OidcDouble.StartAsync();
        hub = await HubApp.StartAsync(oidc.HubSettings(homeTenantId: HomeTenant));
        oidc.Clock = hub.Clock;
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        await oidc.DisposeAsync();
    }

    [Fact]
    public async Task APersonInTheHubsTenantSignsInWithPkceAndTheirAppRoleAndComesBackToThePageTheyAskedFor()
    {
        oidc.NextUser = new OidcUser(HomeTenant, "aaaaaaaa-0000-4000-8000-000000000001", "Kari Nordmann", "kari@hub.example", Roles: ["Admin"]);
        using var browser = new SessionClient(hub);

        using var start = await browser.GetAsync("/logg-inn/microsoft?tilbake=%2Farbeid");
        using var landed = await browser.FollowAsync(await browser.GetAsync("/logg-inn/microsoft?tilbake=%2Farbeid"));
        var html = await landed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith(oidc.BaseUrl + "/organizations/oauth2/v2.0/authorize?", start.Headers.Location!.ToString(), StringComparison.Ordinal);
        var asked = oidc.AuthorizeQueries[^1];
        Assert.Contains("code_challenge_method=S256", asked, StringComparison.Ordinal);
        Assert.Contains("response_type=code", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/arbeid", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kari Nordmann", html);
        Assert.Contains("href=\"/arbeid/nokler\"", html); // the Admin app role holds in the hub's own tenant
    }

    [Fact]
    public async Task AnAppRoleFromAnotherTenantGrantsNothing()
    {
        oidc.NextUser = new OidcUser(OtherTenant, "bbbbbbbb-0000-4000-8000-000000000002", "Ola Utenfra", "ola@kommune.example", Roles: ["Admin"]);
        using var browser = new SessionClient(hub);

        using var landed = await browser.FollowAsync(await browser.GetAsync("/logg-inn/microsoft?tilbake=%2Farbeid"));
        var html = await landed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Contains("Ola Utenfra", html);
        Assert.DoesNotContain("href=\"/arbeid/nokler\"", html);
    }

    [Fact]
    public async Task AnIdTokenNotSignedByTheIssuersKeysStartsNoSession()
    {
        oidc.NextUser = new OidcUser(HomeTenant, "cccccccc-0000-4000-8000-000000000003", "Mallory", Roles: ["Admin"]);
        oidc.ForgeWith = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "double-key" };
        using var browser = new SessionClient(hub);

        using var landed = await browser.FollowAsync(await browser.GetAsync("/logg-inn/microsoft?tilbake=%2Farbeid"));
        using var workspace = await browser.GetAsync("/arbeid");

        Assert.Equal("/logg-inn", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Innloggingen med Microsoft ble avbrutt eller mislyktes", await landed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, workspace.StatusCode);
        Assert.DoesNotContain(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=", StringComparison.Ordinal) && !h.StartsWith(SignInSessions.CookieName + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACallbackThatTheHubDidNotStartIsRefused()
    {
        using var browser = new SessionClient(hub);

        using var forged = await browser.FollowAsync(await browser.GetAsync("/logg-inn/microsoft/svar?code=abc&state=made-up"));
        using var workspace = await browser.GetAsync("/arbeid");

        Assert.Equal("/logg-inn", forged.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.SeeOther, workspace.StatusCode);
    }
}
