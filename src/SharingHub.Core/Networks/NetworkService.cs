using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SharingHub.Common;

namespace SharingHub.Networks;

public sealed class NetworkService(INetworkStore store, TimeProvider clock, ILogger<NetworkService> logger)
{
    // Networks are never deleted, so an id once seen stays valid: stories check it without a storage round trip.
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    public async Task<Network> CreateAsync(NetworkDraft draft, CancellationToken ct)
    {
        var network = NetworkValidator.Validate(draft, clock.GetUtcNow());
        if (!await store.TryAddAsync(network, ct))
        {
            throw new ConflictException($"A network with id '{network.Id}' exists already.");
        }
        known[network.Id] = true;
        logger.LogInformation("Network {NetworkId} created", network.Id);
        return network;
    }

    public async Task<Network> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new NotFoundException("Network", id);

    public Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

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
