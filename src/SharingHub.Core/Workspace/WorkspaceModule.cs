using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SharingHub.Workspace;

public static class WorkspaceModule
{
    public const string AntiforgeryCookie = "hub-af";
    public const string AntiforgeryField = "__hub_af";

    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = AntiforgeryField;
            // Forms only: a header token would let script on another page post with the user's cookies.
            options.HeaderName = null;
            // The pages' Content-Security-Policy frame-ancestors decides who may frame them (Teams), not X-Frame-Options.
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }
}
