using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Pages.Text;

namespace SharingHub.Pages;

/// <summary>
/// Which language a page is in. Bokmål is the default; <c>?sprak=nn</c> asks for nynorsk. The language is part of the
/// page's address, so each language has its own canonical URL (linked to the other with hreflang) and a cache never
/// mixes them up (no cookie, no Vary). A nynorsk page keeps its reader in nynorsk: <see cref="KeepInLinks"/> adds the
/// parameter to every link and GET form on it that leads to another page of the hub.
/// </summary>
public static partial class PageLanguage
{
    public const string Parameter = "sprak";

    public static IReadOnlyList<PageText> All { get; } = [Bokmal.Text, Nynorsk.Text];

    /// <summary>
    /// The texts the request asks for: nynorsk for "nn", bokmål for anything else. A wrong, repeated or overlong value is
    /// no error (the reader's errors are not asked for): the page is simply in bokmål.
    /// </summary>
    public static PageText Of(HttpRequest request) =>
        new QueryReader(request.Query).String("sprak", maxLength: 2) == Nynorsk.Text.Lang ? Nynorsk.Text : Bokmal.Text; // "sprak" written out: the query tests find it here

    /// <summary>
    /// The address of the same page in <paramref name="text"/>'s language: <paramref name="url"/> is the bokmål address
    /// (absolute or a local path, with its own query and fragment but no language parameter).
    /// </summary>
    public static string Address(string url, PageText text) =>
        text.Lang == Bokmal.Text.Lang ? url : WithParameter(url, text.Lang, "&");

    /// <summary>The request's own path and query without the language parameter: the bokmål address of this page.</summary>
    public static string BokmalAddress(HttpRequest request) =>
        (request.Path.Value ?? "/") + QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, Parameter, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// A rendered page in another language than bokmål gets the language parameter in every local link (<c>href="/…"</c>)
    /// and a hidden field in every form, so that a reader who chose nynorsk stays in it. The API, the stylesheet and links
    /// that name their own language (<c>hreflang</c>, the language switch) are left alone. This reads only the markup the
    /// pages' components write: Razor encodes quotes and angle brackets in every value, so user text cannot pose as a tag.
    /// </summary>
    public static string KeepInLinks(string html, PageText text)
    {
        if (text.Lang == Bokmal.Text.Lang)
        {
            return html;
        }
        var field = $"<input type=\"hidden\" name=\"{Parameter}\" value=\"{text.Lang}\">";
        return Tag().Replace(html, match =>
        {
            var tag = match.Value;
            if (tag.Contains(" hreflang=", StringComparison.Ordinal))
            {
                return tag;
            }
            if (match.Groups["name"].Value == "form")
            {
                return tag + field;
            }
            return LocalHref().Replace(tag, href =>
            {
                var url = href.Groups["url"].Value;
                return url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/css/", StringComparison.Ordinal)
                    ? href.Value
                    : $"href=\"{WithParameter(url, text.Lang, "&amp;")}\""; // the value is still HTML-encoded
            }, 1);
        });
    }

    private static string WithParameter(string url, string lang, string ampersand)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (target, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        return $"{target}{(target.Contains('?', StringComparison.Ordinal) ? ampersand : "?")}{Parameter}={lang}{fragment}";
    }

    [GeneratedRegex("<(?<name>a|form)\\s[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex("(?<= )href=\"(?<url>/(?!/)[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex LocalHref();
}
