using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharingHub.Access;
using SharingHub.SignIn;
using SharingHub.Testing;
using SharingHub.Testing.SignIn;

namespace SharingHub.Tests.SignIn;

/// <summary>Signing in with an API key, the session cookie it leaves, and signing out: what a person's browser sees.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task SigningInWithAKeyLeadsBackToTheLocalPageAskedForAndTheSessionNamesTheCaller()
    {
        await using var hub = await HubApp.StartAsync();
        var key = await hub.MintKeyAsync("secretariat", ["trondelag"]);
        using var browser = new SessionClient(hub);

        using var signedIn = await browser.SignInWithKeyAsync(key, back: "/arbeid/historier?status=draft");
        using var page = await browser.GetAsync("/logg-inn");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/arbeid/historier?status=draft", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Du er logget inn som test secretariat.", html);
        Assert.Contains("action=\"/logg-ut\"", html);
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyLaxAndHoldsTheKeysIdButNeverTheKey()
    {
        await using var hub = await HubApp.StartAsync();
        var key = await hub.MintKeyAsync("organiser");
        using var browser = new SessionClient(hub);

        using var _ = await browser.SignInWithKeyAsync(key);

        var header = Assert.Single(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=", StringComparison.Ordinal));
        var attributes = header.Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", attributes, StringComparer.OrdinalIgnoreCase); // plain HTTP here; see the HTTPS test
        var value = attributes[0][(SignInSessions.CookieName.Length + 1)..];
        Assert.DoesNotContain(key, value, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('_')[2], value, StringComparison.Ordinal);

        // Decrypted with the hub's own Data Protection keys: the caller's claims and the key's id, not its secret.
        var cookieOptions = hub.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(SignInSessions.Scheme);
        var ticket = cookieOptions.TicketDataFormat.Unprotect(Uri.UnescapeDataString(value))!;
        var keyId = key.Split('_')[1];
        Assert.Equal($"apikey:{keyId}", ticket.Principal.FindFirst(HubClaims.CallerId)!.Value);
        Assert.Equal("organiser", ticket.Principal.FindFirst(HubClaims.Role)!.Value);
        Assert.DoesNotContain(ticket.Principal.Claims, c => c.Value.Contains(key.Split('_')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverHttpsTheSessionCookieIsSecure()
    {
        await using var hub = await HubApp.StartAsync();
        var key = await hub.MintKeyAsync("organiser");
        using var browser = new SessionClient(hub, https: true);

        using var signedIn = await browser.SignInWithKeyAsync(key);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var header = Assert.Single(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", header.Split(';', StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionEvenForACopyOfTheOldCookie()
    {
        await using var hub = await HubApp.StartAsync();
        var key = await hub.MintKeyAsync("organiser");
        using var browser = new SessionClient(hub);
        using var _ = await browser.SignInWithKeyAsync(key);
        var oldCookies = browser.Cookies.GetCookieHeader(browser.BaseAddress);

        using var signedOut = await browser.SubmitAsync("/logg-inn", "/logg-ut", []);
        using var copy = new SessionClient(hub);
        copy.Cookies.SetCookies(copy.BaseAddress, oldCookies.Replace("; ", ",", StringComparison.Ordinal));
        using var replayed = await copy.GetAsync("/logg-inn");

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
        Assert.Contains(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=;", StringComparison.Ordinal)); // cleared
        Assert.DoesNotContain("Du er logget inn", await replayed.Content.ReadAsStringAsync());
        Assert.Contains("name=\"nokkel\"", await (await browser.GetAsync("/logg-inn")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RevokingTheKeyEndsItsSessionsOnTheNextRequest()
    {
        await using var hub = await HubApp.StartAsync();
        var key = await hub.MintKeyAsync("organiser");
        using var browser = new SessionClient(hub);
        using var _ = await browser.SignInWithKeyAsync(key);
        using var before = await browser.GetAsync("/logg-inn");

        using var admin = hub.CreateClient();
        using var revoked = await admin.DeleteAsync($"/api/keys/{key.Split('_')[1]}");
        using var after = await browser.GetAsync("/logg-inn");

        Assert.Contains("Du er logget inn", await before.Content.ReadAsStringAsync());
        Assert.True(revoked.IsSuccessStatusCode);
        Assert.DoesNotContain("Du er logget inn", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongKeyShowsTheFormAgainWithTheErrorAtItsFieldAndStartsNoSession()
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = new SessionClient(hub);

        using var wrong = await browser.SignInWithKeyAsync("shk_00000000000000000000000000000000_nope");
        using var empty = await browser.SignInWithKeyAsync("");
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Nøkkelen er ikke gyldig", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#nokkel\"", html);
        Assert.Contains("Skriv inn API-nøkkelen.", await empty.Content.ReadAsStringAsync());
        Assert.DoesNotContain(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASignInPostedWithoutItsAntiforgeryTokenIsRefusedWithAPageAndNoSession()
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = new SessionClient(hub);
        using var _ = await browser.GetAsync("/logg-inn"); // the antiforgery cookie, but no token in the form

        using var refused = await browser.PostFormAsync("/logg-inn", [new("nokkel", hub.AdminKey)]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Skjemaet er utløpt", html);
        Assert.DoesNotContain(browser.SetCookieHeaders, h => h.StartsWith(SignInSessions.CookieName + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example/arbeid")]
    [InlineData("//evil.example/arbeid")]
    [InlineData("/\\evil.example/arbeid")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/%0d%0aSet-Cookie:x=1")]
    public async Task SigningInNeverLeadsToAnotherSite(string back)
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = new SessionClient(hub);

        using var signedIn = await browser.SignInWithKeyAsync(hub.AdminKey, back);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var location = signedIn.Headers.Location!.OriginalString;
        Assert.True(location == LocalReturn.Default || (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.Contains('\\')), location);
        Assert.DoesNotContain("evil", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionNeverOpensTheApi()
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = new SessionClient(hub);
        using var _ = await browser.SignInWithKeyAsync(hub.AdminKey);

        using var keys = await browser.GetAsync("/api/keys");
        using var write = await browser.PostFormAsync("/api/networks", [new("id", "x")]);

        Assert.Equal(HttpStatusCode.Unauthorized, keys.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("application/problem+json", keys.Content.Headers.ContentType!.MediaType);
    }
}
