using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SharingHub.Feeds;

/// <summary>Which addresses the hub may fetch feeds from. Asked at registration (literal hosts) and at every connect.</summary>
public interface IFeedAddressPolicy
{
    bool IsAllowed(IPAddress address);
}

/// <summary>
/// Public internet addresses only, unless <see cref="FeedOptions.AllowPrivateNetworks"/> is on: loopback, private,
/// shared (CGNAT), link-local, unique-local, unspecified, multicast, reserved and documentation ranges are refused, and
/// so are IPv6 forms that carry one of those IPv4 addresses (mapped, compatible, NAT64, 6to4).
/// </summary>
public sealed class FeedAddressPolicy(IOptions<FeedOptions> options) : IFeedAddressPolicy
{
    private static readonly IPNetwork[] NotPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),      // private
        IPNetwork.Parse("100.64.0.0/10"),   // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),     // loopback
        IPNetwork.Parse("169.254.0.0/16"),  // link-local, cloud metadata endpoints
        IPNetwork.Parse("172.16.0.0/12"),   // private
        IPNetwork.Parse("192.0.0.0/24"),    // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),    // documentation
        IPNetwork.Parse("192.168.0.0/16"),  // private
        IPNetwork.Parse("198.18.0.0/15"),   // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // documentation
        IPNetwork.Parse("203.0.113.0/24"),  // documentation
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, broadcast
    ];

    private static readonly IPNetwork[] NotPublicV6 =
    [
        IPNetwork.Parse("::/128"),          // unspecified
        IPNetwork.Parse("::1/128"),         // loopback
        IPNetwork.Parse("64:ff9b:1::/48"),  // local-use NAT64
        IPNetwork.Parse("100::/64"),        // discard-only
        IPNetwork.Parse("2001::/32"),       // Teredo (the IPv4 address inside is obfuscated)
        IPNetwork.Parse("2001:db8::/32"),   // documentation
        IPNetwork.Parse("fc00::/7"),        // unique-local
        IPNetwork.Parse("fe80::/10"),       // link-local
        IPNetwork.Parse("fec0::/10"),       // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"),        // multicast
    ];

    private static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public bool IsAllowed(IPAddress address) => options.Value.AllowPrivateNetworks || IsPublic(address);

    /// <summary>True when <paramref name="address"/> is an ordinary public internet address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NotPublicV4.Any(n => n.Contains(address));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }
        var plain = address.ScopeId == 0 ? address : new IPAddress(address.GetAddressBytes());
        if (NotPublicV6.Any(n => n.Contains(plain)))
        {
            return false;
        }
        var bytes = plain.GetAddressBytes();
        if (V4Compatible.Contains(plain) || Nat64.Contains(plain))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }
        if (SixToFour.Contains(plain))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }
        return true;
    }

    /// <summary>
    /// The reason to refuse <paramref name="url"/> at registration, or null: its host is "localhost" (or under it), or an
    /// address literal (in any form <see cref="Uri"/> and <see cref="IPAddress"/> accept: "127.1", "2130706433",
    /// "0x7f000001", "[::ffff:127.0.0.1]") that <paramref name="policy"/> refuses. Names are checked again, resolved, at connect time.
    /// </summary>
    public static string? RefusedHost(Uri url, IFeedAddressPolicy policy)
    {
        var host = url.IdnHost.TrimEnd('.');
        if (host.Length > 1 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }
        if (IPAddress.TryParse(host, out var literal) || IPAddress.TryParse(url.Host.Trim('[', ']'), out literal))
        {
            return policy.IsAllowed(literal) ? null : NotPublicReason;
        }
        var isLocalhost = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return isLocalhost && !policy.IsAllowed(IPAddress.Loopback) ? NotPublicReason : null;
    }

    public const string NotPublicReason =
        "must be an address on the public internet; loopback, private, link-local and other internal addresses are refused";
}
