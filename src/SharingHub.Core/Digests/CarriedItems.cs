namespace SharingHub.Digests;

/// <summary>
/// The items earlier digests carried, per channel, with when each digest was composed. A round reads them once and
/// adds what it composes as it goes, so two subscriptions on one channel never carry the same item.
/// </summary>
public sealed class CarriedItems
{
    private readonly Dictionary<string, List<(DateTimeOffset ComposedAt, IReadOnlyList<string> Keys)>> byChannel = new(StringComparer.Ordinal);

    public void Add(string channelKey, DateTimeOffset composedAt, IReadOnlyList<string> keys)
    {
        if (!byChannel.TryGetValue(channelKey, out var digests))
        {
            byChannel[channelKey] = digests = [];
        }
        digests.Add((composedAt, keys));
    }

    /// <summary>The keys digests composed at or after <paramref name="since"/> carried to this channel.</summary>
    public IReadOnlySet<string> For(string channelKey, DateTimeOffset since) =>
        byChannel.TryGetValue(channelKey, out var digests)
            ? digests.Where(d => d.ComposedAt >= since).SelectMany(d => d.Keys).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
