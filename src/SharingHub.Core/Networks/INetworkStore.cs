namespace SharingHub.Networks;

public interface INetworkStore
{
    Task<Network?> GetAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct);

    /// <summary>Adds the network; false when one with that id exists already.</summary>
    Task<bool> TryAddAsync(Network network, CancellationToken ct);
}
