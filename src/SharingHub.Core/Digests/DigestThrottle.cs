using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SharingHub.Digests;

/// <summary>
/// Keeps Graph calls inside Teams' limits: token buckets per channel, per tenant and for the whole app, refilled in
/// small steps so that a burst never exceeds a second's allowance, and a daily cap per channel.
/// </summary>
public sealed class DigestThrottle(IOptions<DigestOptions> options, TimeProvider clock) : IDisposable
{
    private readonly DigestOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, RateLimiter> channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimiter> tenants = new(StringComparer.Ordinal);
    private readonly RateLimiter app = Bucket(options.Value.AppPerSecond);
    private readonly ConcurrentDictionary<(string Channel, DateOnly Day), int> sentToday = new();

    /// <summary>Waits until one more request to this channel fits every limit.</summary>
    public async Task AcquireAsync(string channelKey, string tenantId, CancellationToken ct)
    {
        // Narrowest first, so a request waiting for its channel does not hold tenant or app capacity meanwhile.
        await AcquireAsync(channels.GetOrAdd(channelKey, _ => Bucket(settings.ChannelPerSecond)), ct);
        await AcquireAsync(tenants.GetOrAdd(tenantId, _ => Bucket(settings.TenantPerSecond)), ct);
        await AcquireAsync(app, ct);
    }

    /// <summary>Counts a message against the channel's daily cap (UTC day); false when the cap is reached.</summary>
    public bool TryCountMessage(string channelKey)
    {
        var key = (channelKey, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var allowed = true;
        sentToday.AddOrUpdate(key, 1, (_, count) =>
        {
            allowed = count < settings.ChannelPerDay;
            return allowed ? count + 1 : count;
        });
        return allowed;
    }

    private static async Task AcquireAsync(RateLimiter limiter, CancellationToken ct)
    {
        using var lease = await limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The rate limiter refused a request it should have queued.");
        }
    }

    private static TokenBucketRateLimiter Bucket(int perSecond)
    {
        var rate = Math.Max(1, perSecond);
        var (tokens, period) = rate >= 10 ? (rate / 10, TimeSpan.FromMilliseconds(100)) : (1, TimeSpan.FromSeconds(1.0 / rate));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        app.Dispose();
        foreach (var limiter in channels.Values.Concat(tenants.Values))
        {
            limiter.Dispose();
        }
    }
}
