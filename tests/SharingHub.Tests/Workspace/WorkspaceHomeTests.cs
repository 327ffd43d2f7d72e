using System.Net;
using SharingHub.Testing;
using SharingHub.Testing.SignIn;

namespace SharingHub.Tests.Workspace;

public sealed class WorkspaceHomeTests
{
    [Fact]
    public async Task TheHomePageOffersWhatTheCallersRoleMayDoAndNothingElse()
    {
        await using var hub = await HubApp.StartAsync();
        using var secretariat = await hub.WorkspaceClientAsync("secretariat", "trondelag");
        using var subscriber = await hub.WorkspaceClientAsync("subscriber", "5001");

        var forSecretariat = await secretariat.GetPageAsync("/arbeid");
        var forSubscriber = await subscriber.GetPageAsync("/arbeid");

        Assert.Equal(HttpStatusCode.OK, forSecretariat.Status);
        var secretariatLinks = forSecretariat.Document.QuerySelectorAll(".hub-workspace__overview a").Select(a => a.TextContent).ToList();
        Assert.Contains("Ny historie", secretariatLinks);
        Assert.DoesNotContain("Abonnementer", secretariatLinks);
        var subscriberLinks = forSubscriber.Document.QuerySelectorAll(".hub-workspace__overview a").Select(a => a.TextContent).ToList();
        Assert.Contains("Abonnementer", subscriberLinks);
        Assert.DoesNotContain("Ny historie", subscriberLinks);
        Assert.Equal("noindex", forSecretariat.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("private", forSecretariat.Response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageIsClosedToThePublicWhoAreShownTheWayToSignIn()
    {
        await using var hub = await HubApp.StartAsync();
        using var anonymous = new SessionClient(hub);

        using var response = await anonymous.GetAsync("/arbeid");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/logg-inn?tilbake=%2Farbeid", response.Headers.Location!.OriginalString);
    }
}
