using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SharingHub.Testing.OidcDouble;

/// <summary>
/// A local stand-in for Microsoft Entra ID's multi-tenant OpenID Connect endpoints (discovery, authorize, token, keys),
/// served by Kestrel on 127.0.0.1, so the hub's real OpenID Connect handler signs people in against it over HTTP. The
/// person who "signs in" at the authorize endpoint is <see cref="NextUser"/>. The token endpoint checks what Entra checks:
/// the client's id and secret, the code (once), the redirect URI, and the PKCE verifier against the challenge.
/// </summary>
public sealed class OidcDouble : IAsyncDisposable
{
    public const string ClientId = "5c1f0f4e-0000-4000-8000-5a1a1e5ecafe";
    public const string ClientSecret = "test-client-secret-for-the-double";

    private readonly WebApplication app;
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "double-key" };
    private readonly ConcurrentDictionary<string, Grant> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> authorizeQueries = new();

    private OidcDouble(WebApplication app)
    {
        this.app = app;
        app.MapGet("/organizations/v2.0/.well-known/openid-configuration", Discovery);
        app.MapGet("/organizations/oauth2/v2.0/authorize", Authorize);
        app.MapPost("/organizations/oauth2/v2.0/token", TokenAsync);
        app.MapGet("/discovery/v2.0/keys", Keys);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What the hub configures as SignIn:Entra:Authority.</summary>
    public string Authority => $"{BaseUrl}/organizations/v2.0";

    public string IssuerOf(string tenantId) => $"{BaseUrl}/{tenantId}/v2.0";

    /// <summary>Who signs in at the next authorize request (Entra's account picker, decided by the test).</summary>
    public OidcUser? NextUser { get; set; }

    /// <summary>Signs the next ID tokens with this key instead of the published one (a forged token).</summary>
    public SecurityKey? ForgeWith { get; set; }

    /// <summary>The clock the tokens are dated by (the hub's fake clock, so lifetimes agree).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The query strings of every authorize request, for the tests to check what the hub asked for.</summary>
    public IReadOnlyList<string> AuthorizeQueries => authorizeQueries.ToArray();

    /// <summary>Settings that point a hub at this double.</summary>
    public IReadOnlyDictionary<string, string?> HubSettings(string? homeTenantId = null) => new Dictionary<string, string?>
    {
        ["SignIn:Entra:Authority"] = Authority,
        ["SignIn:Entra:ClientId"] = ClientId,
        ["SignIn:Entra:ClientSecret"] = ClientSecret,
        ["SignIn:Entra:RequireHttpsMetadata"] = "false",
        ["SignIn:Entra:HomeTenantId"] = homeTenantId,
    };

    public static async Task<OidcDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var oidc = new OidcDouble(builder.Build());
        await oidc.app.StartAsync();
        oidc.BaseUrl = oidc.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return oidc;
    }

    private IResult Discovery() => Results.Json(new JsonObject
    {
        ["issuer"] = $"{BaseUrl}/{{tenantid}}/v2.0",
        ["authorization_endpoint"] = $"{BaseUrl}/organizations/oauth2/v2.0/authorize",
        ["token_endpoint"] = $"{BaseUrl}/organizations/oauth2/v2.0/token",
        ["jwks_uri"] = $"{BaseUrl}/discovery/v2.0/keys",
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token"),
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["code_challenge_methods_supported"] = new JsonArray("plain", "S256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
    });

    private IResult Authorize(HttpRequest request)
    {
        authorizeQueries.Enqueue(request.QueryString.Value ?? string.Empty);
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["nonce"]))
        {
            return Results.BadRequest("AADSTS900144: a required parameter is missing or wrong.");
        }
        var redirect = q["redirect_uri"].ToString();
        var state = q["state"].ToString();
        if (NextUser is not { } user)
        {
            return Results.Redirect($"{redirect}?error=access_denied&error_description=cancelled&state={Uri.EscapeDataString(state)}");
        }
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        codes[code] = new Grant(user, q["nonce"]!, q["code_challenge"]!, redirect);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }
        if (!codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var verifier = form["code_verifier"].ToString();
        if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
        }
        var accessToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["access_token"] = accessToken,
            ["id_token"] = IdToken(grant.User, grant.Nonce, accessToken, ForgeWith),
        });
    }

    /// <summary>An ID token for this person as Entra would sign it (also for tests that forge or alter one).</summary>
    public string IdToken(OidcUser user, string nonce, string accessToken, SecurityKey? key = null)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = user.TenantId,
            ["oid"] = user.ObjectId,
            ["sub"] = user.ObjectId,
            ["name"] = user.Name,
            ["nonce"] = nonce,
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
            claims["xms_edov"] = user.EmailVerified;
        }
        if (user.Roles is { Count: > 0 } roles)
        {
            claims["roles"] = roles.ToArray();
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerOf(user.TenantId),
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult Keys()
    {
        var parameters = signingKey.Rsa.ExportParameters(false);
        return Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = signingKey.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed record Grant(OidcUser User, string Nonce, string Challenge, string RedirectUri);
}

/// <summary>A person in some tenant. <paramref name="EmailVerified"/> is Entra's xms_edov: the tenant owns the address's domain.</summary>
public sealed record OidcUser(string TenantId, string ObjectId, string Name, string? Email = null, bool EmailVerified = true, IReadOnlyList<string>? Roles = null);
