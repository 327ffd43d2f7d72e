using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using SharingHub.Audit;
using SharingHub.Common;

namespace SharingHub.Access;

/// <summary>
/// What both hosts do around every HTTP request: before the handler, authenticate, rate-limit and deny by default;
/// after it, append every successful change to the audit. The hosts differ only in how they learn whether a route is public.
/// </summary>
public sealed class AccessGate(HubAuthenticator authenticator, HubRateLimiter limiter, IAuditLog audit, TimeProvider clock, ILogger<AccessGate> logger)
{
    /// <param name="publicRead">The route is declared <see cref="PublicReadAttribute"/>; it opens GET and HEAD only.</param>
    /// <param name="action">The method and route pattern ("POST /api/people/erase"), never the path: a path can hold personal data.</param>
    /// <param name="publicForm">The route is declared <see cref="PublicFormAttribute"/>; it opens POST only (sign-in and sign-out).</param>
    /// <exception cref="UnauthenticatedException">No valid credentials on a route that needs them.</exception>
    /// <exception cref="TooManyRequestsException">The caller's (or the address's) limit is used up.</exception>
    public async Task EnterAsync(HttpContext context, bool publicRead, string action, string clientAddress, CancellationToken ct, bool publicForm = false)
    {
        MarkPrivate(context);
        ClaimsPrincipal? principal;
        try
        {
            principal = await authenticator.AuthenticateAsync(context.Request, ct);
        }
        catch (UnauthenticatedException)
        {
            // Failed attempts count against the address, so keys cannot be guessed at full speed.
            limiter.AcquireForAddress(clientAddress);
            logger.LogWarning("Refused credentials from {Address} for {Action}", clientAddress, action);
            throw;
        }
        if (principal is null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity()); // whatever else ran before, this caller is anonymous
            limiter.AcquireForAddress(clientAddress);
            var method = context.Request.Method;
            if (!(publicRead && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))) && !(publicForm && HttpMethods.IsPost(method)))
            {
                throw new UnauthenticatedException("This route needs an API key in X-Api-Key or an Entra ID bearer token.");
            }
            return;
        }
        context.User = principal;
        limiter.Acquire($"caller:{principal.FindFirstValue(HubClaims.CallerId)}");
    }

    /// <summary>
    /// What a caller with credentials sees is theirs: no cache between the hub and them may keep it or hand it to anyone else.
    /// Every answer varies by the credential headers, so a cache never serves the public's answer to a caller with a key either.
    /// Set as the answer starts, so it holds for error answers too (the exception handler clears headers it finds).
    /// </summary>
    private static void MarkPrivate(HttpContext context)
    {
        var request = context.Request;
        var withCredentials = request.Headers.ContainsKey(HubAuthenticator.ApiKeyHeader) || request.Headers.ContainsKey(HeaderNames.Authorization);
        context.Response.OnStarting(static state =>
        {
            var (response, withCredentials) = ((HttpResponse, bool))state;
            response.Headers.Append(HeaderNames.Vary, VaryOnCredentials);
            if (withCredentials)
            {
                response.Headers.CacheControl = "private, no-store";
            }
            return Task.CompletedTask;
        }, (context.Response, withCredentials));
    }

    private const string VaryOnCredentials = HubAuthenticator.ApiKeyHeader + ", " + "Authorization";

    /// <summary>Appends the request to the audit if it changed something (a write that succeeded). Never fails the request.</summary>
    public async Task RecordAsync(HttpContext context, string action, string? routeId, string clientAddress, CancellationToken ct)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || context.Response.StatusCode >= 400)
        {
            return;
        }
        var user = context.User;
        var entry = new AuditEntry
        {
            Id = TableAuditLog.NewId(),
            At = clock.GetUtcNow(),
            Caller = user.FindFirstValue(HubClaims.CallerId) ?? "anonymous",
            CallerName = user.FindFirstValue(ClaimTypes.Name),
            Roles = [.. user.FindAll(HubClaims.Role).Select(c => c.Value)],
            Action = action,
            Entity = AuditContext.Resolve(context, routeId),
            Status = context.Response.StatusCode,
            Address = clientAddress,
        };
        try
        {
            await audit.RecordAsync(entry, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change has happened; failing the answer would only invite a retry. Operators alert on this message.
            logger.LogError(ex, "AUDIT WRITE FAILED for {Action} on {Entity} by {Caller}", entry.Action, entry.Entity, entry.Caller);
        }
    }
}
