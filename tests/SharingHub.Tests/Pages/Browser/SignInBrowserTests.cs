using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SharingHub.SignIn;
using SharingHub.Tests.Workspace;

namespace SharingHub.Tests.Pages.Browser;

/// <summary>Signing in through the form in a real browser, the session cookie's flags, and axe on the sign-in pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture fixture)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Page name, who signs in (null: nobody), where to go, the status expected.</summary>
    public static TheoryData<string, string?, string, int> Pages => new()
    {
        { "logg-inn", null, "/logg-inn", 200 },
        { "logg-inn-nynorsk", null, "/logg-inn?sprak=nn", 200 },
        { "nokler", "admin", "/arbeid/nokler", 200 },
        { "medlemmer", "admin", "/arbeid/medlemmer", 200 },
        { "logg", "admin", "/arbeid/logg", 200 },
        { "sletting", "admin", "/arbeid/sletting", 200 },
        { "ingen-tilgang", "subscriber", "/arbeid/nokler", 403 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task SignInPagesHaveNoWcagViolationsAtDesktopAndPhoneWidth(string name, string? role, string path, int status)
    {
        var key = role switch
        {
            null => null,
            "admin" => fixture.Hub.AdminKey,
            _ => await fixture.Hub.MintKeyAsync(role, ["3203"]),
        };
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await fixture.OpenAsync(width);
            try
            {
                if (key is not null)
                {
                    await page.SignInWithKeyAsync(key);
                }
                var response = await page.GotoAsync(path);

                Assert.Equal(status, response!.Status);
                var result = await page.RunAxe(Wcag21AA);
                Assert.NotEmpty(result.Passes);
                Assert.True(result.Violations.Length == 0, $"{path} at {width}px:\n" + string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
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

    [Fact]
    public async Task AVisitorSentToSignInComesBackToTheWorkspaceWithAnHttpOnlyLaxSessionCookieAndSignsOut()
    {
        var page = await fixture.OpenAsync(1280);
        try
        {
            await page.GotoAsync("/arbeid/nokler");
            Assert.EndsWith("/logg-inn?tilbake=%2Farbeid%2Fnokler", page.Url, StringComparison.Ordinal);

            await page.Locator("#nokkel").FillAsync(fixture.Hub.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn med nøkkel" }).ClickAsync();

            Assert.EndsWith("/arbeid/nokler", page.Url, StringComparison.Ordinal);
            var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == SignInSessions.CookieName);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
            Assert.DoesNotContain(fixture.Hub.AdminKey, cookie.Value, StringComparison.Ordinal);
            Assert.Equal(0, await page.EvaluateAsync<int>("document.cookie.length")); // no script can read the session

            await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
            await page.GotoAsync("/arbeid");
            Assert.Contains("/logg-inn", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
