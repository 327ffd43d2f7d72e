using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SharingHub.Common;

namespace SharingHub.Access;

/// <summary>
/// Turns the credentials on a request (X-Api-Key, or an Entra ID bearer token) into the hub's <see cref="ClaimsPrincipal"/>.
/// Used by both hosts, so a key means the same thing wherever it is sent.
/// </summary>
public sealed class HubAuthenticator(AccessKeyService keys, EntraTokenValidator entra, IOptions<AccessOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <returns>The caller, or null when the request carries no credentials.</returns>
    /// <exception cref="UnauthenticatedException">Credentials were sent but are not valid (unknown, revoked, expired, malformed).</exception>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKeys))
        {
            if (apiKeys.Count != 1 || string.IsNullOrEmpty(apiKeys[0]) || apiKeys[0]!.Length > 200)
            {
                throw new UnauthenticatedException("Send exactly one API key in X-Api-Key.");
            }
            return new ClaimsPrincipal(await FromKeyAsync(apiKeys[0]!, ct));
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return null;
        }
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length > 16_384)
        {
            throw new UnauthenticatedException("Only Bearer tokens are accepted in Authorization; API keys go in X-Api-Key.");
        }
        if (!entra.IsEnabled)
        {
            throw new UnauthenticatedException("This hub does not accept bearer tokens; use an API key in X-Api-Key.");
        }
        var identity = await entra.ValidateAsync(authorization["Bearer ".Length..].Trim(), ct)
            ?? throw new UnauthenticatedException("The bearer token is not valid for this hub (signature, issuer, audience or lifetime).");
        return new ClaimsPrincipal(identity);
    }

    private async Task<ClaimsIdentity> FromKeyAsync(string presented, CancellationToken ct)
    {
        var bootstrap = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(bootstrap) && ApiKeyFormat.HashesEqual(ApiKeyFormat.Hash(presented), ApiKeyFormat.Hash(bootstrap)))
        {
            return Identity("bootstrap", "Bootstrap admin key", Role.Admin, []);
        }
        var key = await keys.RecogniseAsync(presented, ct)
            ?? throw new UnauthenticatedException("The API key is not valid: unknown, revoked or expired.");
        return Identity($"apikey:{key.Id}", key.Name, key.Role, key.Scopes);
    }

    private static ClaimsIdentity Identity(string id, string name, Role role, IReadOnlyList<string> scopes)
    {
        var claims = new List<Claim>
        {
            new(HubClaims.CallerId, id),
            new(ClaimTypes.Name, name),
            new(HubClaims.Role, RoleNames.Name(role)),
        };
        claims.AddRange(scopes.Select(s => new Claim(HubClaims.Scope, HubClaims.ScopeValue(role, s))));
        return new ClaimsIdentity(claims, HubClaims.AuthenticationType, ClaimTypes.Name, HubClaims.Role);
    }
}
