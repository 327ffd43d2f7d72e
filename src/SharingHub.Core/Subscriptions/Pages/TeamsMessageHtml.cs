using Ganss.Xss;

namespace SharingHub.Subscriptions.Pages;

/// <summary>
/// A digest's chatMessage HTML made safe to show inside a workspace page: only the tags Teams shows (the renderer writes
/// nothing else), links with http(s) only, no attributes but href. The renderer already encodes every user text; this is
/// the second fence, so the preview could never carry script even if a renderer bug let markup through.
/// </summary>
public static class TeamsMessageHtml
{
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(["h2", "h3", "p", "ul", "li", "a", "strong", "em", "br", "small"], StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(["https", "http"], StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
    });

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);
}
