using SharingHub.Pages;

namespace SharingHub.Digests;

/// <summary>Where a digest's links point: the public pages, a person's way in (never the JSON API).</summary>
public static class DigestLinks
{
    /// <summary>
    /// A digest is composed by a background job, with no request to take a host from: the pages' configured public base
    /// (<c>Pages:PublicBaseUrl</c>), else <c>Digests:HubBaseUrl</c>.
    /// </summary>
    public static string Base(PageOptions pages, DigestOptions digests) => pages.BaseUrl ?? digests.HubBaseUrl.TrimEnd('/');
}
