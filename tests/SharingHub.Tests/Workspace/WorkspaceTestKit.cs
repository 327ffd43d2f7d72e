using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using SharingHub.Testing;
using SharingHub.Tests.Pages.Browser;

namespace SharingHub.Tests.Workspace;

/// <summary>
/// How the workspace tests act as a person: an HTTP client (with cookies) whose key opens the workspace, reading pages
/// and posting their forms the way a browser does, antiforgery token included; or a Playwright page signed in with the key through /logg-inn.
/// </summary>
internal static class WorkspaceTestKit
{
    public sealed record Answer(HttpStatusCode Status, HttpResponseMessage Response, IHtmlDocument Document, string Html);

    /// <summary>A client for a new key with this role and scope ("secretariat" + network ids, "subscriber" + kommunenummer …).</summary>
    public static Task<HttpClient> WorkspaceClientAsync(this HubApp hub, string role, params string[] scopes) =>
        hub.CreateClientWithRoleAsync(role, scopes);

    /// <summary>GET a page (following redirects, as a browser does) and parse it.</summary>
    public static async Task<Answer> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return await ReadAsync(response);
    }

    /// <summary>
    /// Opens <paramref name="pagePath"/>, fills the form that <paramref name="formSelector"/> picks with <paramref name="fields"/>
    /// (on top of the values the form already holds, its antiforgery token among them) and posts it to the form's action.
    /// </summary>
    public static async Task<Answer> PostFormAsync(this HttpClient client, string pagePath, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pagePath);
        Assert.True(page.Status == HttpStatusCode.OK, $"{pagePath} answered {(int)page.Status}: {page.Html}");
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pagePath}.");
        var values = FormValues(form);
        var given = fields.ToList();
        foreach (var name in given.Select(f => f.Key).Distinct())
        {
            values.RemoveAll(v => v.Key == name);
        }
        values.AddRange(given);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pagePath : form.GetAttribute("action")!;
        return await client.PostFormToAsync(action, values);
    }

    /// <summary>Posts fields as a form, exactly as given (no token added): for tests of what the hub refuses.</summary>
    public static async Task<Answer> PostFormToAsync(this HttpClient client, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(action, content);
        return await ReadAsync(response);
    }

    /// <summary>The values a browser would send for the form as it stands: inputs (checked boxes only), selects, textareas.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>A browser page signed in through /logg-inn with <paramref name="key"/>, as a person with a key signs in.</summary>
    public static Task<IPage> WorkspacePageAsync(this BrowserFixture fixture, string key, int width = 1280) =>
        SignedInPageAsync(fixture.Browser, fixture.Hub.ServerAddress, key, width);

    /// <summary>A new browser context on <paramref name="hub"/> that has signed in with the key form; the session is its cookie.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri hub, string key, int width = 1280)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hub.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 640 : 900 },
            Locale = "nb-NO",
        });
        var page = await context.NewPageAsync();
        await page.SignInWithKeyAsync(key);
        return page;
    }

    /// <summary>
    /// Signs in through the key form and waits for the workspace. It polls the address and the page's "Logg ut" button:
    /// <c>WaitForURLAsync</c> once timed out in CI after 30 s with the address already at /arbeid, its log showing the
    /// network-idle event but never the load event it waited for.
    /// </summary>
    public static async Task SignInWithKeyAsync(this IPage page, string key)
    {
        await page.GotoAsync("/logg-inn");
        await page.Locator("#nokkel").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn med nøkkel" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Workspace);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    }

    private static readonly System.Text.RegularExpressions.Regex Workspace = new("/arbeid$");

    private static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response, new HtmlParser().ParseDocument(html), html);
    }
}
