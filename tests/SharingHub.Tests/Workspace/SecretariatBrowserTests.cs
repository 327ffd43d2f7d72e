using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SharingHub.Tests.Pages.Browser;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Workspace;

/// <summary>The secretariat's pages in a real browser: writing and publishing a story, and axe-core on every page at 1280 and 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecretariatBrowserTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "arbeid-historier", "/arbeid/historier" },
        { "arbeid-historier-publisert", "/arbeid/historier?status=published" },
        { "arbeid-ny-historie", "/arbeid/historier/ny" },
        { "arbeid-ny-historie-feil", "errors:/arbeid/historier/ny" },
        { "arbeid-historie", "story:draft" },
        { "arbeid-historie-nynorsk", "story:draft?sprak=nn" },
        { "arbeid-import", "/arbeid/import" },
        { "arbeid-moderering", "/arbeid/moderering" },
        { "arbeid-kilder", "/arbeid/kilder" },
    };

    /// <summary>Something for the queue and the sources page to show: a submitted story, a feed source (added once per run).</summary>
    private async Task SeedAsync(string path)
    {
        using var admin = fixture.AdminClient();
        if (path == "/arbeid/moderering")
        {
            var id = (await admin.CreateStoryAsync(StoryRequests.Landoya().With("title", "Forslag: matsvinn i barnehagen"))).GetProperty("id").GetString()!;
            await admin.ActAsync(id, "submit");
        }
        else if (path == "/arbeid/kilder")
        {
            using var response = await admin.PostAsJsonAsync("/api/networks/nasjonalt/sources", new { url = "https://www.ks.no/rss", name = "KS: bærekraft" });
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"adding the source answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ASecretariatWritesAndPublishesAStoryThroughTheFormAndItAppearsOnThePublicPages()
    {
        const string title = "Sykkelbiblioteket på Landøya";
        var key = await fixture.Hub.MintKeyAsync("secretariat", ["nasjonalt"]);
        var page = await fixture.WorkspacePageAsync(key);
        try
        {
            await page.GotoAsync("/arbeid");
            await page.Locator(".hub-workspace__overview").GetByRole(AriaRole.Link, new() { Name = "Ny historie", Exact = true }).ClickAsync();
            await page.Locator("#f-title").FillAsync(title);
            await page.Locator("#f-summary").FillAsync("Elevene reparerer gamle sykler og låner dem ut gratis.");
            await page.Locator("#f-kommunenummer").FillAsync("Asker (3203)");
            await page.Locator("#f-goals-11").CheckAsync();
            await page.Locator("details:has(#f-targets-11-2) > summary").ClickAsync(); // opens goal 11's targets
            await page.Locator("#f-targets-11-2").CheckAsync();
            await page.GetByLabel("Steg 1", new() { Exact = true }).FillAsync("Samle inn sykler som står ubrukt");
            await page.GetByLabel("Steg 2", new() { Exact = true }).FillAsync("Reparer dem i sløyden");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send til godkjenning" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Historien er sendt til godkjenning.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publiser" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Historien er publisert.");
            await page.GetByRole(AriaRole.Link, new() { Name = "Se historien slik leserne ser den" }).ClickAsync();

            Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
            var id = new Uri(page.Url).AbsolutePath["/historier/".Length..];
            var reader = await fixture.OpenAsync(1280); // no key: what the public sees
            try
            {
                await reader.GotoAsync($"/historier/{id}");
                Assert.Equal(title, await reader.Locator("h1").InnerTextAsync());
                await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Reparer dem i sløyden");
                await reader.GotoAsync("/historier?kommune=Asker");
                await Assertions.Expect(reader.Locator("main")).ToContainTextAsync(title);
            }
            finally
            {
                await reader.Context.CloseAsync();
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task SecretariatPageHasNoWcagViolationsAtDesktopAndPhoneWidth(string name, string path)
    {
        var key = await fixture.Hub.MintKeyAsync("secretariat", ["nasjonalt", "trondelag"]);
        await SeedAsync(path);
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await fixture.WorkspacePageAsync(key, width);
            try
            {
                if (path.StartsWith("errors:", StringComparison.Ordinal))
                {
                    await page.GotoAsync(path["errors:".Length..]);
                    await page.Locator("#f-kommunenummer").FillAsync("Atlantis");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkast" }).ClickAsync();
                    await Assertions.Expect(page.Locator(".ds-error-summary")).ToBeVisibleAsync();
                }
                else
                {
                    await page.GotoAsync(path.StartsWith("story:draft", StringComparison.Ordinal) ? $"/arbeid/historier/{fixture.DraftId}{path["story:draft".Length..]}" : path);
                }

                var result = await page.RunAxe(PageBrowserTests.Wcag21AA);
                Assert.NotEmpty(result.Passes);
                Assert.True(result.Violations.Length == 0, $"{path} at {width}px:\n" + PageBrowserTests.Describe(result));
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} at {width}px scrolls sideways by {overflow}px");
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }
}
