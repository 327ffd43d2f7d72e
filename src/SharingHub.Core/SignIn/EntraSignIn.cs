using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SharingHub.Access;
using SharingHub.Members;

namespace SharingHub.SignIn;

/// <summary>
/// "Logg inn med Microsoft": ASP.NET Core's OpenID Connect handler (authorization code flow with PKCE, multi-tenant) run
/// by the hub's own endpoints rather than by authentication middleware, so both hosts run it the same way. The ID token is
/// checked as <see cref="EntraTokenValidator"/> checks access tokens: the issuer's signing keys, its issuer (here: the
/// tenant's own, for any tenant), the hub's client id as audience, and the lifetime on the hub's clock.
/// </summary>
public sealed class EntraSignIn(IOptions<SignInOptions> options, SignInSessions sessions, MemberService members, ILogger<EntraSignIn> logger)
{
    public const string Scheme = "SharingHub.Entra";
    public const string CallbackPath = "/logg-inn/microsoft/svar";

    public bool IsEnabled => options.Value.Entra.IsConfigured;

    /// <summary>The handler's settings from the hub's: what <c>AddOpenIdConnect</c> would be told.</summary>
    public static void Configure(OpenIdConnectOptions o, EntraSignInOptions entra, TimeProvider clock)
    {
        o.Authority = entra.Authority;
        o.ClientId = entra.ClientId;
        o.ClientSecret = entra.ClientSecret;
        o.RequireHttpsMetadata = entra.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // A GET back to the hub: the callback needs no exception from the rule that writes need credentials.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.CallbackPath = CallbackPath;
        o.SignInScheme = SignInSessions.Scheme;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.Prompt = "select_account"; // shared computers in a town hall: never sign in silently as the last person
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.DisableTelemetry = true;
        o.TimeProvider = clock;
        // The correlation and nonce cookies come back on the provider's top-level GET redirect: Lax suffices.
        o.CorrelationCookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = entra.ClientId,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            // The handler hands the issuer's metadata to the validator (its "issuer" is the multi-tenant template).
            IssuerValidatorUsingConfiguration = (issuer, token, parameters, configuration) => TenantIssuer(issuer, token, configuration.Issuer),
            LifetimeValidator = EntraTokenValidator.Lifetime(clock),
            NameClaimType = "name",
        };
        o.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = async context =>
            {
                var signIn = context.HttpContext.RequestServices.GetService(typeof(EntraSignIn)) as EntraSignIn
                    ?? throw new InvalidOperationException("EntraSignIn is not registered.");
                context.Principal = await signIn.SessionForAsync(context.Principal!, context.HttpContext.RequestAborted);
            },
            OnRemoteFailure = context =>
            {
                var signIn = context.HttpContext.RequestServices.GetService(typeof(EntraSignIn)) as EntraSignIn;
                signIn?.LogFailure(context.Failure);
                context.Response.Redirect("/logg-inn?feil=microsoft");
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// A multi-tenant issuer is a template ("https://login.microsoftonline.com/{tenantid}/v2.0"): the token's issuer must be
    /// that template filled with the token's own tenant id, as Entra ID documents for multi-tenant apps.
    /// </summary>
    private static string TenantIssuer(string issuer, SecurityToken token, string? template)
    {
        var tenant = (token as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)?.TryGetPayloadValue<string>("tid", out var tid) == true ? tid : null;
        if (tenant is { Length: > 0 } && Guid.TryParse(tenant, out _) && template is not null
            && string.Equals(template.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase), issuer, StringComparison.Ordinal))
        {
            return issuer;
        }
        throw new SecurityTokenInvalidIssuerException("The ID token's issuer is not its tenant's issuer.");
    }

    private void LogFailure(Exception? failure) =>
        logger.LogWarning("Sign-in with Microsoft failed: {Reason} {Message}", failure?.GetType().Name ?? "unknown", failure?.Message);

    /// <summary>The hub's caller for a validated ID token, with a new session.</summary>
    private async Task<ClaimsPrincipal> SessionForAsync(ClaimsPrincipal idToken, CancellationToken ct)
    {
        var tenant = idToken.FindFirst("tid")?.Value ?? throw new SecurityTokenValidationException("The ID token has no tenant id.");
        var objectId = idToken.FindFirst("oid")?.Value ?? throw new SecurityTokenValidationException("The ID token has no object id.");
        var name = idToken.FindFirst("name")?.Value ?? idToken.FindFirst("preferred_username")?.Value ?? objectId;
        var claims = new List<Claim> { new(HubClaims.CallerId, $"entra:{tenant}:{objectId}"), new(ClaimTypes.Name, name) };
        if (string.Equals(tenant, options.Value.Entra.HomeTenantId, StringComparison.OrdinalIgnoreCase))
        {
            // App roles keep working for people in the hub's own tenant, as for tokens on the API.
            claims.AddRange(idToken.FindAll("roles").SelectMany(r => EntraTokenValidator.MapAppRole(r.Value)));
        }
        // Entra's "email" claim is only an attribute a tenant's admin can set: it counts as the person's address only when
        // Entra says the tenant owns the address's domain (the optional claim xms_edov).
        var verified = idToken.FindFirst("xms_edov")?.Value is "true" or "1" or "True" ? idToken.FindFirst("email")?.Value : null;
        claims.AddRange(await members.ClaimsForSignInAsync(tenant, objectId, name, verified, ct));
        logger.LogInformation("Signed in with Microsoft: {CallerId}", claims[0].Value);
        return await sessions.OpenAsync(new ClaimsIdentity(claims, HubClaims.AuthenticationType, ClaimTypes.Name, HubClaims.Role), ct);
    }
}

/// <summary>
/// The OpenID Connect handler, answering its callback only when the hub's callback endpoint asks it to (never from the
/// authentication middleware the self-host's builder adds on its own), so the gate and the audit see the callback in both hosts.
/// </summary>
public sealed class EntraSignInHandler(IOptionsMonitor<OpenIdConnectOptions> options, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder)
{
    private static readonly object Marker = new();

    public static void AllowCallback(Microsoft.AspNetCore.Http.HttpContext context) => context.Items[Marker] = true;

    public override Task<bool> ShouldHandleRequestAsync() =>
        Context.Items.ContainsKey(Marker) ? base.ShouldHandleRequestAsync() : Task.FromResult(false);
}
