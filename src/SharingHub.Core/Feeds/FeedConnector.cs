using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace SharingHub.Feeds;

/// <summary>
/// The feed client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host once, keeps only the addresses
/// <see cref="IFeedAddressPolicy"/> allows, and connects to exactly those. Every hop is checked (redirects included), and a
/// name that resolves to an internal address, now or after a DNS change, is never connected to.
/// </summary>
public sealed class FeedConnector(IFeedAddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException();
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The host is (or resolves only to) an address the hub does not fetch from.</summary>
public sealed class AddressRefusedException() : Exception("The address is not on the public internet.");
