using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SharingHub.SelfHost;
using SharingHub.Testing;
using SharingHub.Tests.Pages;
using SharingHub.Tests.Pages.Browser;
using SharingHub.Tests.Webinars;
using SharingHub.Webinars;

namespace SharingHub.Tests.Workspace;

/// <summary>The organiser's pages in Chromium: an upload straight to Azurite that survives a dropped connection and a reload, and axe on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganiserBrowserTests(BrowserFixture fixture)
{
    private const int RecordingBytes = 20_000_000;
    private const int BlockBytes = 4 * 1024 * 1024;
    private const int BlocksBeforeTheCut = 2;

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task AnUploadCutOffHalfwayResumesAfterAReloadSendsOnlyTheMissingBlocksAndTheFileIsChecked()
    {
        await fixture.Hub.Services.GetRequiredService<AzuriteCors>().Applied;
        var episode = await fixture.Hub.EpisodeAsync("held", fixture.Hub.Clock.GetUtcNow().AddDays(-1), "Bærekraftsfredag: opplasting fra nettleseren");
        var file = Path.Combine(Path.GetTempPath(), $"opptak-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, WebinarTestData.Mp4(RecordingBytes));
        var page = await OrganiserPageAsync(await fixture.Hub.MintKeyAsync("organiser"), 1280);
        try
        {
            // Blob Storage lets the first blocks through, then the connection drops for every block after them.
            var blobOrigin = BlobOrigin();
            var cut = true;
            var blocksThrough = 0;
            var blocksSent = new List<string>();
            await page.RouteAsync(url => url.StartsWith(blobOrigin + "/", StringComparison.Ordinal), async route =>
            {
                var url = route.Request.Url;
                var isBlock = route.Request.Method == "PUT" && url.Contains("comp=block&", StringComparison.Ordinal);
                if (isBlock && cut && Interlocked.Increment(ref blocksThrough) > BlocksBeforeTheCut)
                {
                    await route.AbortAsync("connectionreset");
                    return;
                }
                if (isBlock)
                {
                    lock (blocksSent)
                    {
                        blocksSent.Add(url);
                    }
                }
                await route.ContinueAsync();
            });

            await page.GotoAsync($"/arbeid/webinarer/{episode.Id}");
            await page.SelectOptionAsync("#u-kind", "recording");
            await page.SetInputFilesAsync("#u-file", file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Last opp", Exact = true }).ClickAsync();

            var resume = page.GetByRole(AriaRole.Button, new() { Name = "Fortsett" });
            await resume.WaitForAsync(new() { Timeout = 30_000 });
            Assert.Contains("Forbindelsen ble brutt", await page.Locator("#u-status").InnerTextAsync(), StringComparison.Ordinal);
            var progressAtCut = int.Parse(await page.Locator("#u-progress").GetAttributeAsync("value") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(progressAtCut, 1, 99);
            Assert.NotNull(await page.EvaluateAsync<string?>($"localStorage.getItem('hub-upload:{episode.Id}')"));
            await AssertAccessibleAsync(page, "organiser-avbrutt-1280"); // the progress bar, its text and "Fortsett"

            // The connection is back; the organiser reloads the page and picks the same file again.
            cut = false;
            var sentBeforeReload = blocksSent.Count;
            await page.ReloadAsync();
            Assert.Contains("opptak-", await page.Locator("[data-upload-resume-note]").InnerTextAsync(), StringComparison.Ordinal);
            await page.SelectOptionAsync("#u-kind", "recording");
            await page.SetInputFilesAsync("#u-file", file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Last opp", Exact = true }).ClickAsync();

            var checkedRow = page.Locator("[data-files] tr[data-status=verifying], [data-files] tr[data-status=available]");
            await checkedRow.First.WaitForAsync(new() { Timeout = 60_000 });
            var blocks = (RecordingBytes + BlockBytes - 1) / BlockBytes;
            Assert.Equal(BlocksBeforeTheCut, sentBeforeReload);
            Assert.Equal(blocks - BlocksBeforeTheCut, blocksSent.Count - sentBeforeReload); // the staged blocks were skipped
            Assert.Equal("100", await page.Locator("#u-progress").GetAttributeAsync("value"));
            Assert.Null(await page.EvaluateAsync<string?>($"localStorage.getItem('hub-upload:{episode.Id}')"));

            using var admin = fixture.AdminClient();
            var assets = await admin.GetFromJsonAsync<JsonElement>($"/api/webinars/{episode.Id}/assets");
            var recording = assets.GetProperty("items").EnumerateArray().Single();
            Assert.Contains(recording.GetProperty("status").GetString(), new[] { "verifying", "available" });
            Assert.Equal(RecordingBytes, recording.GetProperty("size").GetInt64());
            var available = await WebinarTestData.WaitWhileVerifyingAsync(admin, episode.Id, recording.Id("assetId"));
            Assert.Equal("available", available.GetProperty("status").GetString());

            await Assertions.Expect(page.Locator("#u-status")).ToHaveTextAsync("Fila er kontrollert og tilgjengelig.", new() { Timeout = 30_000 });
            Assert.Equal("available", await page.Locator($"[data-files] tr[data-asset='{recording.Id("assetId")}']").GetAttributeAsync("data-status"));
            await AssertAccessibleAsync(page, "organiser-opplastet-1280");
        }
        finally
        {
            await page.Context.CloseAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheSelfHostLetsItsOwnOriginAndNoOtherUploadToItsAzuriteFromTheBrowser()
    {
        await fixture.Hub.Services.GetRequiredService<AzuriteCors>().Applied;
        var hubOrigin = fixture.Hub.ServerAddress.GetLeftPart(UriPartial.Authority);
        using var client = new HttpClient();

        using var own = await PreflightAsync(client, hubOrigin);
        using var other = await PreflightAsync(client, "https://evil.example");

        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(hubOrigin, own.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", string.Join(',', own.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OnlyAHostWithStorageEmulatorCorsOnChangesTheEmulatorsRulesAndItKeepsTheOthers()
    {
        await fixture.Hub.Services.GetRequiredService<AzuriteCors>().Applied;
        var hubOrigin = fixture.Hub.ServerAddress.GetLeftPart(UriPartial.Authority);
        var quiet = $"https://stille-{Guid.NewGuid():N}.example.no";
        var setting = $"https://regel-{Guid.NewGuid():N}.example.no";

        await using (var off = await HubApp.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = quiet, ["Storage:EmulatorCors"] = "false" }))
        {
            Assert.Null(off.Services.GetService<AzuriteCors>());
        }
        await using (var on = await HubApp.StartAsync(new Dictionary<string, string?> { ["Pages:PublicBaseUrl"] = setting, ["Storage:EmulatorCors"] = "true" }))
        {
            await on.Services.GetRequiredService<AzuriteCors>().Applied;
        }

        using var client = new HttpClient();
        using var fromQuiet = await PreflightAsync(client, quiet);
        using var fromSetting = await PreflightAsync(client, setting);
        using var own = await PreflightAsync(client, hubOrigin);
        Assert.False(fromQuiet.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(setting, fromSetting.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(hubOrigin, own.Headers.GetValues("Access-Control-Allow-Origin").Single()); // the browser hub's rule stayed
    }

    /// <summary>What a browser asks before a Put Block from the page: may this origin PUT with a content type?</summary>
    private async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{BlobOrigin()}/devstoreaccount1/{fixture.Hub.Prefix}-webinar-assets/x/y?comp=block&blockid=YQ%3D%3D");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await client.SendAsync(request);
    }

    public static TheoryData<string, string> OrganiserPages => new()
    {
        { "organiser-webinarer", "/arbeid/webinarer" },
        { "organiser-nytt", "/arbeid/webinarer/ny" },
        { "organiser-webinar", "episode:demo" },
        { "organiser-webinar-nynorsk", "episode:demo?sprak=nn" },
    };

    [Theory]
    [MemberData(nameof(OrganiserPages))]
    public async Task OrganiserPageHasNoWcagViolationsAtDesktopAndPhoneWidth(string name, string path)
    {
        var key = await fixture.Hub.MintKeyAsync("organiser");
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await OrganiserPageAsync(key, width);
            try
            {
                await page.GotoAsync(path.Replace("episode:demo", $"/arbeid/webinarer/{fixture.DemoEpisodeId}", StringComparison.Ordinal));
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                await AssertAccessibleAsync(page, $"{name}-{width}");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task TheNewEpisodeFormWithErrorsHasNoWcagViolations()
    {
        var key = await fixture.Hub.MintKeyAsync("organiser");
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await OrganiserPageAsync(key, width);
            try
            {
                await page.GotoAsync("/arbeid/webinarer/ny");
                await page.FillAsync("#e-teamsUrl", "http://teams.example.no");
                await page.GetByRole(AriaRole.Button, new() { Name = "Opprett webinar" }).ClickAsync();

                Assert.Equal(3, await page.Locator(".ds-error-summary li").CountAsync()); // title, startsAt, teamsUrl
                Assert.Equal("true", await page.Locator("#e-title").GetAttributeAsync("aria-invalid"));
                await AssertAccessibleAsync(page, $"organiser-nytt-feil-{width}");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>A page signed in with the key: the session cookie goes to the hub only, never to Blob Storage.</summary>
    private Task<IPage> OrganiserPageAsync(string key, int width) => fixture.WorkspacePageAsync(key, width);

    private string BlobOrigin() =>
        fixture.Hub.Services.GetRequiredService<SharingHub.Storage.HubStorage>().BlobService.Uri.GetLeftPart(UriPartial.Authority);

    private static async Task AssertAccessibleAsync(IPage page, string screenshot)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, $"{page.Url} ({screenshot}):\n" + string.Join('\n', result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join('\n', v.Nodes.Select(n => $"    {n.Target}: {n.Html}")))));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{screenshot}.png"), FullPage = true });
    }
}
