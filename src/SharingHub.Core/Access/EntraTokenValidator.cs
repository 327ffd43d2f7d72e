using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SharingHub.Access;

/// <summary>
/// Validates Microsoft Entra ID access tokens: signature against the issuer's published signing keys, issuer, audience,
/// lifetime (on the hub's clock). App roles map to hub roles: "Admin", "Organiser", "Secretariat.{network}", "Subscriber.{kommunenummer}".
/// </summary>
public sealed class EntraTokenValidator(IServiceProvider services, IOptions<AccessOptions> options, TimeProvider clock, ILogger<EntraTokenValidator> logger)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public bool IsEnabled => options.Value.Entra.IsConfigured;

    /// <summary>The hub identity for a valid token, or null when the token does not validate.</summary>
    public async Task<ClaimsIdentity?> ValidateAsync(string token, CancellationToken ct)
    {
        var metadata = services.GetRequiredService<IConfigurationManager<OpenIdConnectConfiguration>>();
        var configuration = await metadata.GetConfigurationAsync(ct);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = options.Value.Entra.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = Lifetime(clock),
        };
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            logger.LogInformation("Bearer token refused: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return null;
        }
        var subject = result.ClaimsIdentity.FindFirst("oid")?.Value ?? result.ClaimsIdentity.FindFirst("sub")?.Value ?? "unknown";
        var name = result.ClaimsIdentity.FindFirst("azp")?.Value ?? result.ClaimsIdentity.FindFirst("appid")?.Value ?? subject;
        var claims = new List<Claim> { new(HubClaims.CallerId, $"entra:{subject}"), new(ClaimTypes.Name, name) };
        foreach (var appRole in result.ClaimsIdentity.FindAll("roles").Select(c => c.Value))
        {
            claims.AddRange(MapAppRole(appRole));
        }
        return new ClaimsIdentity(claims, HubClaims.AuthenticationType, ClaimTypes.Name, HubClaims.Role);
    }

    /// <summary>Expiry and not-before on the hub's clock with two minutes' skew: for access tokens and sign-in ID tokens alike.</summary>
    public static LifetimeValidator Lifetime(TimeProvider clock) => (notBefore, expires, _, _) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } e && e + Skew > now && (notBefore is not { } nb || nb - Skew <= now);
    };

    public static IEnumerable<Claim> MapAppRole(string appRole)
    {
        var dot = appRole.IndexOf('.', StringComparison.Ordinal);
        var roleName = dot < 0 ? appRole : appRole[..dot];
        var scope = dot < 0 ? null : appRole[(dot + 1)..];
        if (!RoleNames.TryParse(roleName, out var role) || RoleNames.IsScoped(role) != (scope is { Length: > 0 }))
        {
            yield break; // an app role the hub does not know grants nothing
        }
        yield return new Claim(HubClaims.Role, RoleNames.Name(role));
        if (scope is not null)
        {
            yield return new Claim(HubClaims.Scope, HubClaims.ScopeValue(role, scope));
        }
    }
}
