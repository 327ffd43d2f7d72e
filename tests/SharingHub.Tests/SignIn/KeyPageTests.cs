using System.Net;
using System.Text.RegularExpressions;
using SharingHub.Testing;
using SharingHub.Testing.SignIn;

namespace SharingHub.Tests.SignIn;

/// <summary>/arbeid/nokler: an admin signed in through /logg-inn issues, revokes and rotates keys with the same service as /api/keys.</summary>
public sealed partial class KeyPageTests
{
    private static async Task<SessionClient> SignedInAsync(HubApp hub, string key)
    {
        var browser = new SessionClient(hub);
        using var signedIn = await browser.SignInWithKeyAsync(key);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task AnAdminIssuesAKeyThatIsShownOnceAndWorksThenRevokesIt()
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = await SignedInAsync(hub, hub.AdminKey);

        using var issued = await browser.SubmitAsync("/arbeid/nokler", "/arbeid/nokler",
            [new("navn", "Trøndelags system"), new("rolle", "secretariat"), new("omfang", "trondelag"), new("utloper", "")]);
        var html = await issued.Content.ReadAsStringAsync();
        var key = NewKey().Match(html).Groups[1].Value;
        using var withKey = hub.CreateClientWithKey(key);
        using var works = await withKey.GetAsync("/api/stories?status=draft&network=trondelag");
        using var later = await browser.GetAsync("/arbeid/nokler");
        var keyId = key.Split('_')[1];
        using var revoked = await browser.SubmitAsync("/arbeid/nokler", $"/arbeid/nokler/{keyId}/trekk-tilbake", []);
        using var refused = await withKey.GetAsync("/api/stories?status=draft&network=trondelag");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.StartsWith("shk_", key, StringComparison.Ordinal);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.DoesNotContain(key, await later.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Trøndelags system", await later.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WrongFieldsAreShownAtTheirFieldsInNorwegianAndNoKeyIsIssued()
    {
        await using var hub = await HubApp.StartAsync();
        using var browser = await SignedInAsync(hub, hub.AdminKey);

        using var answer = await browser.SubmitAsync("/arbeid/nokler", "/arbeid/nokler",
            [new("navn", ""), new("rolle", "subscriber"), new("omfang", "Atlantis"), new("utloper", "2020-01-01")]);
        var html = await answer.Content.ReadAsStringAsync();
        using var admin = hub.CreateClient();
        var keys = await admin.GetStringAsync("/api/keys");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("href=\"#navn\"", html);
        Assert.Contains("href=\"#omfang\"", html);
        Assert.Contains("href=\"#utloper\"", html);
        Assert.Contains("id=\"omfang\" name=\"omfang\" value=\"Atlantis\" aria-invalid=\"true\"", html);
        Assert.Equal("[]", keys);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAdminGetsAForbiddenPageAndAPostWithoutTheTokenIsRefused()
    {
        await using var hub = await HubApp.StartAsync();
        using var subscriber = await SignedInAsync(hub, await hub.MintKeyAsync("subscriber", ["3203"]));
        using var admin = await SignedInAsync(hub, hub.AdminKey);

        using var forbidden = await subscriber.GetAsync("/arbeid/nokler");
        using var _ = await admin.GetAsync("/arbeid/nokler");
        using var noToken = await admin.PostFormAsync("/arbeid/nokler", [new("navn", "x"), new("rolle", "organiser")]);
        using var api = hub.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Ingen tilgang", await forbidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("Skjemaet er utløpt", await noToken.Content.ReadAsStringAsync());
        Assert.DoesNotContain("\"name\":\"x\"", await api.GetStringAsync("/api/keys"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code id=\"ny-nokkel\">([^<]+)</code>")]
    private static partial Regex NewKey();
}
