using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SharingHub.Common;

namespace SharingHub.Networks;

public sealed class NetworkService(INetworkStore store, TimeProvider clock, ILogger<NetworkService> logger)
{
    // Networks are never deleted, so an id once seen stays valid: stories check it without a storage round trip.
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    /// <summary>How long the pages may show a network list read earlier (networks are few and rarely added).</summary>
    public static readonly TimeSpan DirectoryLifetime = TimeSpan.FromMinutes(5);

    private (IReadOnlyList<Network> Networks, DateTimeOffset ReadAt)? directory;

    public async Task<Network> CreateAsync(NetworkDraft draft, CancellationToken ct)
    {
        var network = NetworkValidator.Validate(draft, clock.GetUtcNow());
        if (!await store.TryAddAsync(network, ct))
        {
            throw new ConflictException($"A network with id '{network.Id}' exists already.");
        }
        known[network.Id] = true;
        directory = null; // this instance's pages show it at once; others within DirectoryLifetime
        logger.LogInformation("Network {NetworkId} created", network.Id);
        return network;
    }

    public async Task<Network> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new NotFoundException("Network", id);

    public Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>
    /// Every network, read at most every <see cref="DirectoryLifetime"/>: what the public pages show in filters and beside
    /// stories, without a storage round trip per page. A network created meanwhile shows up here within that time.
    /// </summary>
    public async Task<IReadOnlyList<Network>> DirectoryAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (directory is { } cached && now - cached.ReadAt < DirectoryLifetime)
        {
            return cached.Networks;
        }
        var networks = await store.ListAsync(ct);
        directory = (networks, now);
        return networks;
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        if (known.ContainsKey(id))
        {
            return true;
        }
        var exists = await store.GetAsync(id, ct) is not null;
        if (exists)
        {
            known[id] = true;
        }
        return exists;
    }
}
