using System.Net;
using Microsoft.AspNetCore.Http;

namespace SharingHub.Access;

/// <summary>The caller's address for rate limits and the audit.</summary>
public static class ClientAddress
{
    /// <param name="trustForwardedFor">
    /// Only where a trusted front end (Azure's) appends the client's address to X-Forwarded-For: the last entry is the one it added;
    /// earlier entries are whatever the client sent and are ignored.
    /// </param>
    public static string Of(HttpContext context, bool trustForwardedFor = false)
    {
        if (trustForwardedFor)
        {
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null && (IPEndPoint.TryParse(last, out var endpoint) || IPAddress.TryParse(last, out _)))
            {
                return endpoint?.Address.ToString() ?? last;
            }
        }
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
