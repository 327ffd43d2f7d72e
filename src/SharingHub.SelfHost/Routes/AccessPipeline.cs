using Microsoft.Extensions.Options;
using SharingHub.Access;

namespace SharingHub.SelfHost.Routes;

/// <summary>
/// Every request passes the core's <see cref="AccessGate"/>: closed unless the endpoint carries <see cref="PublicReadAttribute"/>
/// (a route nobody declared is therefore protected), and every successful change lands in the audit.
/// </summary>
internal static class AccessPipeline
{
    /// <summary>Kestrel's ceiling for any body; routes set lower limits with <see cref="AccessRoutes.WithBodyLimit{TBuilder}"/>.</summary>
    public const long MaxBodyBytes = 11 * 1024 * 1024;

    public static IApplicationBuilder UseHubAccess(this WebApplication app)
    {
        app.UseRouting(); // the gate reads the matched endpoint's metadata
        return app.Use(async (context, next) =>
        {
            var gate = context.RequestServices.GetRequiredService<AccessGate>();
            var endpoint = context.GetEndpoint();
            // Kestrel faces the client unless the operator says how many proxies stand in front of it.
            var address = ClientAddress.Of(context, context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.TrustedProxyHops ?? 0);
            // The route pattern, never the path: logs and the audit must not learn what a caller put in a URL.
            var action = $"{context.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)"}";
            await gate.EnterAsync(context, endpoint?.Metadata.GetMetadata<PublicReadAttribute>() is not null, action, address, context.RequestAborted,
                publicForm: endpoint?.Metadata.GetMetadata<PublicFormAttribute>() is not null);
            await next(context);
            // Not the request's token: a caller that hangs up after the change must not escape the audit.
            await gate.RecordAsync(context, action, context.Request.RouteValues["id"] as string, address, CancellationToken.None);
        });
    }
}
