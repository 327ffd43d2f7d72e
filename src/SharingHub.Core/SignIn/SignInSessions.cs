using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Access;
using SharingHub.Common;

namespace SharingHub.SignIn;

/// <summary>
/// The session after signing in to the workspace: an encrypted, HttpOnly, SameSite=Lax cookie (ASP.NET Core's cookie
/// handler, Data Protection keys in Blob Storage) holding the hub's claims and a session id, and a row per session in
/// Table Storage. The handler is called explicitly (<c>HttpContext.SignInAsync/AuthenticateAsync/SignOutAsync</c>), so the
/// self-host and the Functions app run the same code without authentication middleware. A session is checked on every
/// page request: its row must still exist (signing out deletes it), and a key's session lives only as long as the key.
/// </summary>
public sealed class SignInSessions(
    ISignInSessionStore store, AccessKeyService keys, IOptions<AccessOptions> access, IOptions<SignInOptions> options, TimeProvider clock, ILogger<SignInSessions> logger)
{
    public const string Scheme = "SharingHub.Session";
    public const string CookieName = "sharinghub.session";

    /// <summary>The claim that ties the cookie to its row.</summary>
    public const string SessionClaim = "hub:session";

    /// <summary>Sessions are read on pages only: under /api a cookie would let any site make a signed-in request.</summary>
    public static bool IsPageRoute(HttpRequest request) => !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts a session for this caller: stores its row and writes the cookie on the answer.</summary>
    /// <returns>The principal the session carries (the caller's claims and the session id).</returns>
    public async Task<ClaimsPrincipal> StartAsync(HttpContext context, ClaimsIdentity caller, CancellationToken ct)
    {
        var principal = await OpenAsync(caller, ct);
        await context.SignInAsync(Scheme, principal, new AuthenticationProperties { AllowRefresh = true });
        return principal;
    }

    /// <summary>Stores the session's row and returns the principal for the cookie (the Entra handler writes that cookie itself).</summary>
    public async Task<ClaimsPrincipal> OpenAsync(ClaimsIdentity caller, CancellationToken ct)
    {
        var callerId = caller.FindFirst(HubClaims.CallerId)?.Value ?? throw new InvalidOperationException("A session needs a caller id.");
        var now = clock.GetUtcNow();
        var session = new SignInSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CallerId = callerId,
            CreatedAt = now,
            // Sliding renewals never carry a session past this.
            ExpiresAt = now + options.Value.MaxSessionLifetime,
            Fingerprint = callerId == HubAuthenticator.BootstrapCallerId ? BootstrapFingerprint() : null,
        };
        await store.AddAsync(session, ct);
        logger.LogInformation("Session started for {CallerId}", callerId);
        var identity = new ClaimsIdentity(caller.Claims.Where(c => c.Type != SessionClaim), HubClaims.AuthenticationType, ClaimTypes.Name, HubClaims.Role);
        identity.AddClaim(new Claim(SessionClaim, session.Id));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The caller of a valid session on this request, or null (no cookie, or the session has ended: then the cookie is cleared).</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.Cookies.ContainsKey(CookieName))
        {
            return null;
        }
        var result = await context.AuthenticateAsync(Scheme);
        var sessionId = result.Principal?.FindFirst(SessionClaim)?.Value;
        var session = result.Succeeded && sessionId is not null ? await store.GetAsync(sessionId, ct) : null;
        var caller = session is not null && session.ExpiresAt > clock.GetUtcNow() ? await CurrentCallerAsync(session, result.Principal!, ct) : null;
        if (caller is null)
        {
            if (session is not null)
            {
                await store.RemoveAsync(session.Id, ct);
                logger.LogInformation("Session of {CallerId} ended: its credential is no longer valid", session.CallerId);
            }
            await context.SignOutAsync(Scheme);
            return null;
        }
        caller.AddClaim(new Claim(SessionClaim, session!.Id));
        return new ClaimsPrincipal(caller);
    }

    /// <summary>Ends the session on this request, if any: its row is deleted, so a copy of the cookie no longer works either.</summary>
    public async Task EndAsync(HttpContext context, CancellationToken ct)
    {
        var sessionId = context.User.FindFirst(SessionClaim)?.Value;
        if (sessionId is null && context.Request.Cookies.ContainsKey(CookieName))
        {
            sessionId = (await context.AuthenticateAsync(Scheme)).Principal?.FindFirst(SessionClaim)?.Value;
        }
        if (sessionId is not null)
        {
            await store.RemoveAsync(sessionId, ct);
        }
        await context.SignOutAsync(Scheme);
    }

    /// <summary>
    /// Who the session's caller is now: a key's session takes the key's current role and scopes and ends when the key is
    /// revoked or expires; the bootstrap key's ends when the setting changes; an Entra session keeps what sign-in gave it.
    /// </summary>
    private async Task<ClaimsIdentity?> CurrentCallerAsync(SignInSession session, ClaimsPrincipal cookie, CancellationToken ct)
    {
        if (cookie.FindFirst(HubClaims.CallerId)?.Value != session.CallerId)
        {
            return null;
        }
        if (session.CallerId.StartsWith(HubAuthenticator.KeyCallerPrefix, StringComparison.Ordinal))
        {
            return await keys.ValidByIdAsync(session.CallerId[HubAuthenticator.KeyCallerPrefix.Length..], ct) is { } key
                ? HubAuthenticator.Identity(key)
                : null;
        }
        if (session.CallerId == HubAuthenticator.BootstrapCallerId)
        {
            return session.Fingerprint is not null && BootstrapFingerprint() == session.Fingerprint ? HubAuthenticator.BootstrapIdentity() : null;
        }
        return new ClaimsIdentity(cookie.Claims.Where(c => c.Type != SessionClaim), HubClaims.AuthenticationType, ClaimTypes.Name, HubClaims.Role);
    }

    private string? BootstrapFingerprint() =>
        access.Value.BootstrapAdminKey is { Length: > 0 } bootstrap ? Hashing.Sha256Hex("session|" + ApiKeyFormat.Hash(bootstrap)) : null;
}
