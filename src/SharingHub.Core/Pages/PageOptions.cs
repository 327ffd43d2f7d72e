using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SharingHub.Pages;

/// <summary>The <c>Pages</c> section.</summary>
public sealed class PageOptions : IValidatableObject
{
    public const string Section = "Pages";

    /// <summary>
    /// Where the public pages live for readers ("https://baerekraft.example.no"): canonical and Open Graph URLs, feed and
    /// sitemap links, and the <c>url</c> of search hits are built from it. Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured base without a trailing slash, or null when unset.</summary>
    public string? BaseUrl => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : PublicBaseUrl.Trim().TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)))
        {
            yield return new ValidationResult(
                $"Pages:PublicBaseUrl must be an absolute http(s) URL without query or fragment, such as https://baerekraft.example.no, not '{PublicBaseUrl}'.",
                [nameof(PublicBaseUrl)]);
        }
    }
}

/// <summary>Where the pages live for readers: the configured public base URL, else the request's scheme and host.</summary>
public static class PublicSite
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>"https://host" (or the configured base, which may carry a path), for absolute links; no trailing slash.</summary>
    public static string Origin(HttpRequest request) =>
        request.HttpContext.RequestServices?.GetService<IOptions<PageOptions>>()?.Value.BaseUrl ?? $"{request.Scheme}://{request.Host}";
}
