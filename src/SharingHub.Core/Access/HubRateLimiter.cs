using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SharingHub.Common;

namespace SharingHub.Access;

/// <summary>Fixed-window limits per caller ("caller:apikey:…") and per address for anonymous callers ("ip:…", IPv6 per /64).</summary>
public sealed class HubRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly TimeSpan window;

    public HubRateLimiter(IOptions<AccessOptions> options)
    {
        var settings = options.Value.RateLimit;
        window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds));
        limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition, p =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, p.StartsWith("ip:", StringComparison.Ordinal) ? settings.AnonymousPermitsPerWindow : settings.PermitsPerWindow),
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>A request from an address without (valid) credentials: counted per address, IPv6 addresses per /64.</summary>
    /// <exception cref="TooManyRequestsException">The address's permits for this window are used up.</exception>
    public void AcquireForAddress(string address) => Acquire($"ip:{ClientAddress.LimitGroup(address)}");

    /// <exception cref="TooManyRequestsException">The partition's permits for this window are used up.</exception>
    public void Acquire(string partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (!lease.IsAcquired)
        {
            throw new TooManyRequestsException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window);
        }
    }

    public void Dispose() => limiter.Dispose();
}
