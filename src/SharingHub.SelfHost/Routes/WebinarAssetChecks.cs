using SharingHub.Webinars.Assets;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarAssetChecks
{
    /// <summary>Hashes completed uploads from the asset-check queue, as the Functions app's queue trigger does.</summary>
    public static IServiceCollection AddWebinarAssetChecks(this IServiceCollection services) =>
        services.AddHostedService<AssetCheckService>();

    /// <summary>Drains the queue, then waits for this process to queue a check, or polls every few seconds (other instances).</summary>
    private sealed class AssetCheckService(AssetVerifier verifier, StorageAssetCheckQueue queue, TimeProvider clock, ILogger<AssetCheckService> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            while (!stoppingToken.IsCancellationRequested)
            {
                var queued = queue.Queued;
                try
                {
                    await verifier.DrainAsync(stoppingToken);
                    await Task.WhenAny(queued, Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Reading the asset-check queue failed");
                    await Task.WhenAny(queued, Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken));
                }
            }
        }
    }
}
