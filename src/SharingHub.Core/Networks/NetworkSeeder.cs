using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SharingHub.Networks;

/// <summary>Makes sure the built-in networks exist; networks an operator created are left alone.</summary>
public sealed class NetworkSeeder(INetworkStore store, TimeProvider clock, ILogger<NetworkSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var draft in NetworkSeeds.All)
            {
                await store.TryAddAsync(NetworkValidator.Validate(draft, clock.GetUtcNow()), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            // A host that cannot reach storage still starts (and answers 503); the seeds are written at the next start.
            logger.LogWarning(ex, "Could not seed the built-in networks");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
