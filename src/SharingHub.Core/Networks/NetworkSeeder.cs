using Microsoft.Extensions.Hosting;

namespace SharingHub.Networks;

/// <summary>Makes sure the built-in networks exist; networks an operator created are left alone.</summary>
public sealed class NetworkSeeder(INetworkStore store, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var draft in NetworkSeeds.All)
        {
            await store.TryAddAsync(NetworkValidator.Validate(draft, clock.GetUtcNow()), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
