using System.Net;
using Microsoft.Extensions.Options;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

/// <summary>Whose address a request is counted and audited under, with and without proxies in front of the hub.</summary>
public sealed class ClientAddressTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    [Theory]
    // Self-host facing the client: whatever the client wrote in X-Forwarded-For is ignored.
    [InlineData(new[] { "203.0.113.7" }, "198.51.100.20", 0, "198.51.100.20")]
    // Functions, host's entry kept as the header's last entry (the worker's middleware did not consume it).
    [InlineData(new[] { "198.51.100.9" }, "127.0.0.1", 1, "198.51.100.9")]
    // Functions, a client that writes its own entries before the trusted one: they are never believed.
    [InlineData(new[] { "203.0.113.7, 203.0.113.8", "198.51.100.9" }, "127.0.0.1", 1, "198.51.100.9")]
    [InlineData(new[] { "203.0.113.7, 198.51.100.9" }, "127.0.0.1", 1, "198.51.100.9")]
    // Functions, the worker's forwarded-headers middleware already moved the host's entry into the connection address.
    [InlineData(new string[0], "198.51.100.9", 1, "198.51.100.9")]
    // Two trusted proxies (say Application Gateway in front of the self-host's nginx).
    [InlineData(new[] { "203.0.113.7, 198.51.100.9, 10.1.0.4" }, "10.1.0.5", 2, "198.51.100.9")]
    // Ports and brackets as proxies write them; IPv4-mapped IPv6 as IPv4.
    [InlineData(new[] { "198.51.100.9:51234" }, "127.0.0.1", 1, "198.51.100.9")]
    [InlineData(new[] { "[2001:db8::5]:443" }, "127.0.0.1", 1, "2001:db8::5")]
    [InlineData(new string[0], "::ffff:198.51.100.9", 0, "198.51.100.9")]
    // A trusted hop's entry that is not an address: the nearest address we can vouch for.
    [InlineData(new[] { "198.51.100.9, unknown" }, "10.1.0.5", 1, "10.1.0.5")]
    public void TheClientIsTheEntryJustBeforeTheTrustedHops(string[] forwardedFor, string connection, int hops, string expected)
    {
        Assert.Equal(expected, ClientAddress.Select(forwardedFor, IPAddress.Parse(connection), hops));
    }

    [Fact]
    public void WithoutAnyAddressTheCallerIsUnknown()
    {
        Assert.Equal("unknown", ClientAddress.Select([], null, 1));
        Assert.Equal("unknown", ClientAddress.Select(["198.51.100.9"], null, 0)); // facing the client, its own header means nothing
        Assert.Equal("127.0.0.1", ClientAddress.Select([], Loopback, 3));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("198.51.100.9", "198.51.100.9")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.9")]
    [InlineData("unknown", "unknown")]
    public void IPv6CallersAreGroupedPer64(string address, string group)
    {
        Assert.Equal(group, ClientAddress.LimitGroup(address));
    }

    [Fact]
    public void TheLimiterCountsAWholeIPv6Slash64AsOneCaller()
    {
        using var limiter = new HubRateLimiter(Options.Create(new AccessOptions { RateLimit = new() { AnonymousPermitsPerWindow = 1, WindowSeconds = 600 } }));

        limiter.AcquireForAddress("2001:db8:1:2::1");
        limiter.AcquireForAddress("2001:db8:1:3::1");
        limiter.AcquireForAddress("198.51.100.9");
        limiter.AcquireForAddress("198.51.100.10");

        Assert.Throws<TooManyRequestsException>(() => limiter.AcquireForAddress("2001:db8:1:2:abcd::77"));
        Assert.Throws<TooManyRequestsException>(() => limiter.AcquireForAddress("198.51.100.9"));
    }

    [Fact]
    public async Task BehindAConfiguredProxyTheHubLimitsTheForwardedClientPer64()
    {
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?>
        {
            ["Access:TrustedProxyHops"] = "1",
            ["Access:RateLimit:AnonymousPermitsPerWindow"] = "1",
            ["Access:RateLimit:WindowSeconds"] = "600",
        });
        var anonymous = hub.CreateAnonymousClient();
        async Task<HttpStatusCode> From(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reference/goals");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await anonymous.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await From("2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("2001:db8:1:2::2"));          // same /64
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("203.0.113.7, 2001:db8:1:2::3")); // a spoofed entry changes nothing
        Assert.Equal(HttpStatusCode.OK, await From("2001:db8:1:3::1"));                         // the next /64
    }
}
