using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace SharingHub.Access;

/// <summary>
/// The caller's address for rate limits and the audit. The chain is the X-Forwarded-For entries followed by the
/// connection's own address; the last <c>trustedProxyHops</c> of it were added by proxies the operator trusts
/// (<see cref="AccessOptions.TrustedProxyHops"/>), so the client is the entry just before them. Anything further left
/// is whatever the client sent, and is never believed.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context, int trustedProxyHops) =>
        Select(context.Request.Headers["X-Forwarded-For"], context.Connection.RemoteIpAddress, trustedProxyHops);

    /// <param name="forwardedFor">The X-Forwarded-For header's values, each possibly a comma-separated list, oldest hop first.</param>
    /// <param name="connection">The address the connection came from (the nearest hop).</param>
    public static string Select(IEnumerable<string?> forwardedFor, IPAddress? connection, int trustedProxyHops)
    {
        var chain = forwardedFor
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(Parse)
            .Append(connection)
            .ToList();
        // Fewer entries than trusted hops: every entry there is was added by a trusted hop, so the oldest is the best known.
        var index = Math.Max(0, chain.Count - 1 - Math.Max(0, trustedProxyHops));
        // An entry a trusted hop wrote should parse; if not, the next hop towards us is the nearest address we can vouch for.
        for (var i = index; i < chain.Count; i++)
        {
            if (chain[i] is { } address)
            {
                return Normalise(address).ToString();
            }
        }
        return "unknown";
    }

    /// <summary>
    /// The rate-limit group of an address: itself for IPv4, its /64 for IPv6, where one subscriber usually holds a whole
    /// /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string LimitGroup(string address)
    {
        if (!IPAddress.TryParse(address, out var parsed))
        {
            return address;
        }
        parsed = Normalise(parsed);
        if (parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return parsed.ToString();
        }
        var bytes = parsed.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>"198.51.100.7", "198.51.100.7:51234", "2001:db8::1", "[2001:db8::1]:443"; null for anything else.</summary>
    private static IPAddress? Parse(string entry) =>
        IPAddress.TryParse(entry, out var address) ? address
        : IPEndPoint.TryParse(entry, out var endpoint) ? endpoint.Address
        : null;

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
