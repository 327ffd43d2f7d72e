using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Digests;
using SharingHub.Teams;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Digests;

namespace SharingHub.Tests.Workspace;

/// <summary>/arbeid/leveranser (with the admin's "run the digest round" and "retry") and /arbeid/teams (the device-code flow on a page).</summary>
public sealed class DeliveryAndTeamsPageTests
{
    [Fact]
    public async Task AdminRunsTheRoundSeesTheFailureWithItsReasonAndRetriesItFromThePage()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync(kommunenummer: "3203");
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        await DigestScenario.PublishAsync(host, "Én gang", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        using var admin = await host.Hub.WorkspaceClientAsync("admin");
        using var subscriber = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var ran = await admin.PostFormAsync("/arbeid/leveranser", "form.hub-run-form", []);
        host.Graph.RemoveChannel(DigestScenario.Team, DigestScenario.Channel);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        var failed = await subscriber.GetPageAsync("/arbeid/leveranser?status=failed");
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var retried = await admin.PostFormAsync("/arbeid/leveranser?status=failed", "form.hub-retry-form", []);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        var sent = await subscriber.GetPageAsync("/arbeid/leveranser");

        Assert.Contains("Runden er kjørt: 1 abonnementer, 1 forfalt, 1 sammendrag lagt i kø.", ran.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(failed.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Feilet", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("404", row.TextContent, StringComparison.Ordinal);
        Assert.Null(failed.Document.QuerySelector("form.hub-retry-form")); // a subscriber sees, an admin retries
        Assert.Null(failed.Document.QuerySelector("form.hub-run-form"));
        Assert.Contains("lagt i køen igjen", retried.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Single(host.Graph.Posts);
        Assert.Contains("Sendt", Assert.Single(sent.Document.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnAdminMayRunTheRound()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var admin = await host.Hub.WorkspaceClientAsync("admin");
        using var subscriber = await host.Hub.WorkspaceClientAsync("subscriber", "3203");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await admin.GetPageAsync("/arbeid/leveranser")).Document.QuerySelector("form.hub-run-form")!;
        await subscriber.GetPageAsync("/arbeid/leveranser");

        var refused = await subscriber.PostFormToAsync("/arbeid/leveranser/runde", WorkspaceTestKit.FormValues(form));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task ConnectingTeamsShowsTheCodeOnThePageUntilThePersonHasSignedIn()
    {
        var signIn = new GatedSignIn();
        await using var host = await DigestTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Teams:ClientId"] = "00000000-0000-0000-0000-000000000001",
                ["Teams:TokenCacheKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            },
            services =>
            {
                services.RemoveAll<ITeamsDeviceCodeSignIn>();
                services.AddSingleton<ITeamsDeviceCodeSignIn>(signIn);
            });
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var waiting = await client.PostFormAsync("/arbeid/teams", "form.hub-connect-form", []);
        var flowPath = waiting.Response.RequestMessage!.RequestUri!.AbsolutePath;
        var stillWaiting = await client.GetPageAsync(flowPath);
        signIn.Complete();
        var connected = await WaitForAsync(client, flowPath);
        var teamsPage = await client.GetPageAsync("/arbeid/teams");

        Assert.StartsWith("/arbeid/teams/innlogging/", flowPath, StringComparison.Ordinal);
        Assert.Equal("ABCD-EFGH", waiting.Document.QuerySelector("[data-code]")!.TextContent);
        Assert.Equal("https://microsoft.com/devicelogin", waiting.Document.QuerySelector("main a[href^='https://microsoft.com']")!.GetAttribute("href"));
        Assert.Equal("ABCD-EFGH", stillWaiting.Document.QuerySelector("[data-code]")!.TextContent);
        Assert.NotNull(stillWaiting.Document.QuerySelector($"form[action='{flowPath}'] button"));
        var stored = Assert.Single(await host.Service<TeamsConnectionService>().ListAsync(CancellationToken.None));
        Assert.Equal("3203", stored.Kommunenummer);
        Assert.Equal($"/arbeid/abonnementer/ny?tilkobling={stored.Id}", connected.Document.QuerySelector("main a.ds-button")!.GetAttribute("href"));
        Assert.Contains("it@asker.kommune.no", teamsPage.Document.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectingWithoutTeamsSignInConfiguredSaysSoOnThePage()
    {
        await using var host = await DigestTestHost.StartAsync();
        using var client = await host.Hub.WorkspaceClientAsync("subscriber", "3203");

        var page = await client.PostFormAsync("/arbeid/teams", "form.hub-connect-form", []);

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("ikke satt opp", page.Document.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<WorkspaceTestKit.Answer> WaitForAsync(HttpClient client, string flowPath)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = await client.GetPageAsync(flowPath);
            if (page.Document.QuerySelector("[data-code]") is null)
            {
                return page;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the sign-in never completed");
    }
}

/// <summary>Entra's side of the device-code grant: shows the code at once, and finishes when the test says the person signed in.</summary>
internal sealed class GatedSignIn : ITeamsDeviceCodeSignIn
{
    private readonly TaskCompletionSource signedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Complete() => signedIn.TrySetResult();

    public async Task<DeviceSignIn> SignInAsync(string connectionId, string? tenantId, Func<DeviceCode, Task> show, CancellationToken ct)
    {
        await show(new DeviceCode("ABCD-EFGH", "https://microsoft.com/devicelogin", DateTimeOffset.UtcNow.AddMinutes(15), "Gå til https://microsoft.com/devicelogin"));
        await signedIn.Task.WaitAsync(ct);
        return new DeviceSignIn(tenantId ?? "tenant-of-the-account", "it@asker.kommune.no");
    }
}
