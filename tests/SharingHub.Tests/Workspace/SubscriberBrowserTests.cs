using System.Security.Cryptography;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using SharingHub.Digests;
using SharingHub.Subscriptions;
using SharingHub.Teams;
using SharingHub.Testing;
using SharingHub.Testing.GraphDouble;
using SharingHub.Tests.Pages.Browser;

namespace SharingHub.Tests.Workspace;

/// <summary>
/// A subscriber in a real browser: creates a subscription with the goal tiles, previews the digest, saves it, sends the
/// test message (to the outbox: the browser hub has no Teams connection); and every subscriber page checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubscriberBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task SubscriberCreatesASubscriptionPreviewsItAndSendsTheTestMessageOnPagesWithoutWcagViolations(int width)
    {
        var key = await fixture.Hub.MintKeyAsync("subscriber", ["3203"]);
        var admin = await fixture.Hub.MintKeyAsync("admin");
        var page = await fixture.WorkspacePageAsync(key, width);
        try
        {
            await page.GotoAsync("/arbeid/abonnementer");
            await CheckAsync(page, "arbeid-abonnementer", width);
            await page.GetByRole(AriaRole.Link, new() { Name = "Nytt abonnement" }).ClickAsync();
            await CheckAsync(page, "arbeid-abonnement-nytt", width);

            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
            Assert.Equal("/arbeid/abonnementer/ny", new Uri(page.Url).AbsolutePath);
            Assert.True(await page.Locator(".ds-error-summary").IsVisibleAsync());
            await CheckAsync(page, "arbeid-abonnement-feil", width);

            await page.GetByLabel("Team", new() { Exact = true }).FillAsync("team-asker");
            await page.GetByLabel("Kanal", new() { Exact = true }).FillAsync("19:baerekraft@thread.tacv2");
            await page.Locator("label.hub-goal-12").ClickAsync(); // the goal tile is the checkbox's label
            Assert.True(await page.Locator("input[name=mal][value='12']").IsCheckedAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Vis forhåndsvisning" }).ClickAsync();
            var preview = page.Locator(".hub-teams-message");
            Assert.Contains(BrowserFixture.ScriptTitle, await preview.InnerTextAsync(), StringComparison.Ordinal); // a matching story, as text
            Assert.True(await page.EvaluateAsync<bool>("typeof window.injected === 'undefined'"));
            await CheckAsync(page, "arbeid-abonnement-forhandsvisning", width);

            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
            Assert.Contains("Abonnementet er lagret.", await page.Locator(".ds-alert").InnerTextAsync(), StringComparison.Ordinal);
            var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
            await page.GetByRole(AriaRole.Button, new() { Name = "Send testmelding" }).ClickAsync();
            Assert.Contains("lagt i utboksen", await page.Locator(".ds-alert").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(BrowserFixture.ScriptTitle, await page.Locator(".hub-teams-message").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAsync(page, "arbeid-abonnement", width);
            Assert.True(await OutboxHoldsTestMessageAsync(id));

            await page.GotoAsync($"/arbeid/leveranser?abonnement={id}");
            await CheckAsync(page, "arbeid-leveranser", width);
            await page.GotoAsync("/arbeid/teams");
            await CheckAsync(page, "arbeid-teams", width);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        var adminPage = await fixture.WorkspacePageAsync(admin, width);
        try
        {
            await adminPage.GotoAsync("/arbeid/leveranser");
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "Kjør sammendragsrunden nå" }).ClickAsync();
            Assert.Contains("Runden er kjørt", await adminPage.Locator(".ds-alert").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAsync(adminPage, "arbeid-leveranser-admin", width);
            await adminPage.GotoAsync("/arbeid/abonnementer?sprak=nn");
            await CheckAsync(adminPage, "arbeid-abonnementer-nynorsk", width);
        }
        finally
        {
            await adminPage.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task SubscriberConnectsTeamsWithTheCodeOnThePageAndPicksTeamAndChannelByName(int width)
    {
        await using var graph = await GraphDouble.StartAsync();
        graph.AddChannel("team-a", "19:generelt", "Asker kommune", "Generelt");
        graph.AddChannel("team-a", "19:baerekraft", "Asker kommune", "Bærekraft");
        var signIn = new GatedSignIn();
        await using var hub = await HubApp.StartOnKestrelAsync(
            new Dictionary<string, string?>
            {
                ["Teams:GraphBaseUrl"] = graph.BaseUrl,
                ["Teams:ClientId"] = "00000000-0000-0000-0000-000000000001",
                ["Teams:TokenCacheKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Digests:RunWorkers"] = "false",
            },
            services =>
            {
                services.RemoveAll<ITeamsTokenProvider>();
                services.AddSingleton<ITeamsTokenProvider>(new StaticTokenProvider());
                services.RemoveAll<ITeamsDeviceCodeSignIn>();
                services.AddSingleton<ITeamsDeviceCodeSignIn>(signIn);
            });
        var page = await WorkspaceTestKit.SignedInPageAsync(fixture.Browser, hub.ServerAddress, await hub.MintKeyAsync("subscriber", ["3203"]), width);
        try
        {
            await page.GotoAsync("/arbeid/teams");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start tilkoblingen" }).ClickAsync();
            Assert.Equal("ABCD-EFGH", await page.Locator("[data-code]").InnerTextAsync());
            await CheckAsync(page, "arbeid-teams-kode", width);
            signIn.Complete();
            for (var attempt = 0; attempt < 50 && await page.Locator("[data-code]").CountAsync() > 0; attempt++)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Sjekk igjen" }).ClickAsync();
            }
            await CheckAsync(page, "arbeid-teams-tilkoblet", width);
            await page.GetByRole(AriaRole.Link, new() { Name = "Nytt abonnement med denne" }).ClickAsync();
            await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Asker kommune" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Hent team og kanaler" }).ClickAsync();
            await page.GetByLabel("Kanal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bærekraft" });
            await CheckAsync(page, "arbeid-abonnement-kanalvalg", width);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

            Assert.Contains("Abonnementet er lagret.", await page.Locator(".ds-alert").InnerTextAsync(), StringComparison.Ordinal);
            var stored = Assert.Single(await hub.Services.GetRequiredService<SubscriptionService>().ListAsync("3203", CancellationToken.None));
            Assert.Equal(("team-a", "19:baerekraft"), (stored.TeamId, stored.ChannelId));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<bool> OutboxHoldsTestMessageAsync(string subscriptionId)
    {
        var outbox = (IDigestOutbox)fixture.Hub.Services.GetService(typeof(IDigestOutbox))!;
        await foreach (var id in outbox.IdsAsync(CancellationToken.None))
        {
            if (id.StartsWith($"test-{subscriptionId}-", StringComparison.Ordinal)
                && (await outbox.GetAsync(id, CancellationToken.None))?.Contains("SharingHub er koblet til denne kanalen", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>axe-core's WCAG 2.0/2.1 A and AA rules, no sideways scrolling, one h1; and a screenshot to look at.</summary>
    private static async Task CheckAsync(IPage page, string name, int width)
    {
        var result = await page.RunAxe(PageBrowserTests.Wcag21AA);
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, $"{name} at {width}px:\n" + PageBrowserTests.Describe(result));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} at {width}px scrolls sideways by {overflow}px");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });
    }
}
