using Microsoft.AspNetCore.Http;

namespace SharingHub.Audit;

/// <summary>
/// Lets a handler name the entity its change concerns when the URL does not (or must not: an e-mail address in
/// the erased person's address must not reach the audit, so POST /api/people/erase names a hash).
/// </summary>
public static class AuditContext
{
    private const string EntityKey = "SharingHub.Audit.Entity";

    public static void SetEntity(HttpContext context, string entity) => context.Items[EntityKey] = entity;

    public static string? Entity(HttpContext context) => context.Items.TryGetValue(EntityKey, out var value) ? value as string : null;

    /// <summary>
    /// The entity a change concerns: what the handler set; else the Location of what it created ("/api/stories/abc" → "stories/abc");
    /// else the collection and route id ("stories/abc"); else the collection ("networks").
    /// </summary>
    public static string Resolve(HttpContext context, string? routeId)
    {
        if (Entity(context) is { } explicitEntity)
        {
            return explicitEntity;
        }
        var location = context.Response.Headers.Location.ToString();
        if (location.StartsWith("/api/", StringComparison.Ordinal))
        {
            return location["/api/".Length..];
        }
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var collection = segments.Length > 1 && segments[0] == "api" ? segments[1] : segments.FirstOrDefault() ?? "-";
        return routeId is { Length: > 0 and <= 100 } ? $"{collection}/{routeId}" : collection;
    }
}
