using System.Net;
using System.Text.RegularExpressions;

namespace SharingHub.Testing.SignIn;

/// <summary>
/// What a browser does with the hub's cookies and redirects, over the in-process hub: keeps cookies per host (honouring
/// Secure, HttpOnly does not matter to it), follows redirects only when told, and fills forms with the antiforgery token
/// the page carries. Requests to another host (the OpenID Connect double) go over the network.
/// </summary>
public sealed partial class SessionClient : IDisposable
{
    private readonly HttpClient hub;
    private readonly HttpClient outside = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public SessionClient(HubApp app, bool https = false)
    {
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost");
        hub = app.CreateDefaultClient(BaseAddress);
        hub.DefaultRequestHeaders.Remove("X-Api-Key");
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every Set-Cookie header the hub sent, as sent.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Absolute(url)));

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Absolute(url)) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Opens the page, takes the antiforgery token from its form for <paramref name="action"/>, and posts the fields with it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var given = fields.ToList();
        var hidden = HiddenFields(html, action).Where(h => !given.Any(f => f.Key == h.Key));
        return await PostFormAsync(action, [.. hidden, .. given]);
    }

    /// <summary>The hidden fields of the form that posts to <paramref name="action"/> (the antiforgery token among them), as a browser sends them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HiddenFields(string html, string action) =>
        [.. HiddenField().Matches(Form(html, action)).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    private static string Form(string html, string action)
    {
        var form = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        return form.Success ? form.Groups[1].Value : throw new InvalidOperationException($"No form posts to {action}.");
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    /// <summary>Signs in with an API key through the form on /logg-inn, as a person would.</summary>
    public Task<HttpResponseMessage> SignInWithKeyAsync(string key, string? back = null) =>
        SubmitAsync(back is null ? "/logg-inn" : $"/logg-inn?tilbake={Uri.EscapeDataString(back)}", "/logg-inn", [new("nokkel", key)]);

    /// <summary>Follows Location headers with GETs, as a browser does after 302/303, until an answer that is not a redirect.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int max = 10)
    {
        for (var i = 0; i < max && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; i++)
        {
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await GetAsync(next.ToString());
        }
        return response;
    }

    private Uri Absolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute : new Uri(BaseAddress, url);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var cookies = Cookies.GetCookieHeader(uri);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }
        var client = uri.Host == BaseAddress.Host && uri.Port == BaseAddress.Port ? hub : outside;
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                SetCookieHeaders.Add(header);
                Cookies.SetCookies(uri, header);
            }
        }
        return response;
    }

    public void Dispose()
    {
        hub.Dispose();
        outside.Dispose();
    }
}
