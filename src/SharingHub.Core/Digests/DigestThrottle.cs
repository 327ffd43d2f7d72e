using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SharingHub.Digests;

/// <summary>
/// Keeps Graph calls inside Teams' limits: sliding one-second windows per channel, per tenant and for the whole app,
/// and a daily cap per channel.
/// </summary>
public sealed class DigestThrottle(IOptions<DigestOptions> options, TimeProvider clock) : IDisposable
{
    private readonly DigestOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, RateLimiter> channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimiter> tenants = new(StringComparer.Ordinal);
    private readonly RateLimiter app = Window(options.Value.AppPerSecond);
    private readonly ConcurrentDictionary<(string Channel, DateOnly Day), int> sentToday = new();

    /// <summary>Waits until one more request to this channel fits every limit.</summary>
    public async Task AcquireAsync(string channelKey, string tenantId, CancellationToken ct)
    {
        // Narrowest first, so a request waiting for its channel does not hold tenant or app capacity meanwhile.
        await AcquireAsync(channels.GetOrAdd(channelKey, _ => Window(settings.ChannelPerSecond)), ct);
        await AcquireAsync(tenants.GetOrAdd(tenantId, _ => Window(settings.TenantPerSecond)), ct);
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

    /// <summary>
    /// At most <paramref name="perSecond"/> requests in any one-second window (counted in tenths of a second). Unlike a
    /// bucket refilled in small steps, a moment lost to a slow storage call is made up within the same second.
    /// </summary>
    private static SlidingWindowRateLimiter Window(int perSecond) =>
        new(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perSecond),
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    public void Dispose()
    {
        app.Dispose();
        foreach (var limiter in channels.Values.Concat(tenants.Values))
        {
            limiter.Dispose();
        }
    }
}
