using Microsoft.AspNetCore.Http;

namespace SharingHub.Pages;

/// <summary>The headers on every page: a strict Content-Security-Policy (no script at all, styles only from our own
/// stylesheet, nothing inline) that lets Microsoft Teams show the page in a tab and no other site frame it. The few
/// workspace pages that upload files load the hub's own module (script-src 'self', never inline) and may reach Blob Storage.</summary>
public static class PageHeaders
{
    /// <summary>
    /// The hosts Teams renders tabs in (learn.microsoft.com, "Prerequisites" for Teams tabs): the classic Teams origins and
    /// the *.cloud.microsoft domain Microsoft 365's web clients are moving to.
    /// </summary>
    public static readonly IReadOnlyList<string> TeamsFrameAncestors =
        ["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft"];

    /// <param name="mediaOrigin">
    /// Where recordings are read from: the hub's own URL answers with a redirect to a short-lived link in Blob Storage,
    /// and the browser checks media-src against the address it ends up at.
    /// </param>
    /// <param name="uploads">The page loads the hub's upload module, which talks to Blob Storage (connect-src) and the hub.</param>
    public static string ContentSecurityPolicy(string? mediaOrigin, bool uploads = false) => string.Join("; ", new[]
    {
        "default-src 'none'",
        uploads ? "script-src 'self'" : null,
        uploads ? (mediaOrigin is null ? "connect-src 'self'" : $"connect-src 'self' {mediaOrigin}") : null,
        "style-src 'self'",
        "img-src 'self' data:", // Designsystemet draws its icons (validation, search) as data: SVG masks
        mediaOrigin is null ? "media-src 'self'" : $"media-src 'self' {mediaOrigin}",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors " + string.Join(' ', TeamsFrameAncestors),
    }.OfType<string>());

    public static void Apply(HttpResponse response, string? mediaOrigin, bool uploads = false)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(mediaOrigin, uploads);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-cache";
    }
}
