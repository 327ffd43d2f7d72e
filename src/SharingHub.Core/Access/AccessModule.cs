using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SharingHub.Audit;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Access;

public static class AccessModule
{
    /// <summary>Keys, tokens, rate limits, the audit and erasure: everything about who may do what.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.BootstrapAdminKey) || o.BootstrapAdminKey.Length >= 32,
                "Access:BootstrapAdminKey must be at least 32 characters (use 32 random bytes, base64).")
            .Validate(o => o.RateLimit is { PermitsPerWindow: > 0, AnonymousPermitsPerWindow: > 0, WindowSeconds: > 0 },
                "Access:RateLimit:PermitsPerWindow, AnonymousPermitsPerWindow and WindowSeconds must be positive.")
            .Validate(o => o.TrustedProxyHops is null or (>= 0 and <= 10),
                "Access:TrustedProxyHops must be from 0 to 10 (the proxies in front of the hub that append to X-Forwarded-For).")
            .Validate(o => string.IsNullOrWhiteSpace(o.Entra.Authority) == string.IsNullOrWhiteSpace(o.Entra.Audience),
                "Access:Entra:Authority and Access:Entra:Audience must be set together.")
            .ValidateOnStart();
        services.AddAudit();
        services.AddPeople();
        services.AddStorageResource(StorageKind.Table, TableAccessKeyStore.TableName);
        services.AddSingleton<IAccessKeyStore, TableAccessKeyStore>();
        services.AddSingleton<AccessKeyService>();
        services.AddSingleton<EntraTokenValidator>();
        services.AddSingleton<HubAuthenticator>();
        services.AddSingleton<HubRateLimiter>();
        services.AddSingleton<AccessGate>();
        // The issuer's metadata (and signing keys) are fetched once and refreshed by the manager, not per request.
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var authority = sp.GetRequiredService<IOptions<AccessOptions>>().Value.Entra.Authority
                ?? throw new InvalidOperationException("Access:Entra:Authority is not set.");
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = true });
        });
        return services;
    }
}
