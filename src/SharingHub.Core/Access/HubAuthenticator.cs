using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SharingHub.Common;
using SharingHub.SignIn;

namespace SharingHub.Access;

/// <summary>
/// Turns the credentials on a request (X-Api-Key, or an Entra ID bearer token) into the hub's <see cref="ClaimsPrincipal"/>.
/// Used by both hosts, so a key means the same thing wherever it is sent. On page routes only (never under /api, where a
/// cookie would open the API to cross-site requests), a request without either falls back to the sign-in session.
/// </summary>
public sealed class HubAuthenticator(AccessKeyService keys, EntraTokenValidator entra, SignInSessions sessions, IOptions<AccessOptions> options)
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
            return SignInSessions.IsPageRoute(request) ? await sessions.AuthenticateAsync(request.HttpContext, ct) : null;
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

    private async Task<ClaimsIdentity> FromKeyAsync(string presented, CancellationToken ct) =>
        await RecogniseKeyAsync(presented, ct) ?? throw new UnauthenticatedException("The API key is not valid: unknown, revoked or expired.");

    /// <summary>The identity a key stands for (the bootstrap key, or a valid issued key), or null.</summary>
    public async Task<ClaimsIdentity?> RecogniseKeyAsync(string presented, CancellationToken ct)
    {
        var bootstrap = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(bootstrap) && ApiKeyFormat.HashesEqual(ApiKeyFormat.Hash(presented), ApiKeyFormat.Hash(bootstrap)))
        {
            return BootstrapIdentity();
        }
        return await keys.RecogniseAsync(presented, ct) is { } key ? Identity(key) : null;
    }

    public static ClaimsIdentity BootstrapIdentity() => Identity(BootstrapCallerId, "Bootstrap admin key", Role.Admin, []);

    public static ClaimsIdentity Identity(AccessKey key) => Identity(KeyCallerPrefix + key.Id, key.Name, key.Role, key.Scopes);

    public const string BootstrapCallerId = "bootstrap";

    public const string KeyCallerPrefix = "apikey:";

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
