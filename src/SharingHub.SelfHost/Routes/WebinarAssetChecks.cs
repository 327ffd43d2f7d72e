using SharingHub.Common.Hosting;
using SharingHub.Webinars.Assets;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarAssetChecks
{
    /// <summary>Hashes completed uploads from the asset-check queue, as the Functions app's queue trigger does.</summary>
    public static IServiceCollection AddWebinarAssetChecks(this IServiceCollection services) =>
        services.AddHostedService<AssetCheckService>();

    private sealed class AssetCheckService(AssetVerifier verifier, AssetCheckSignal signal, TimeProvider clock, ILogger<AssetCheckService> logger)
        : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            DrainLoop.RunAsync(signal, verifier.DrainAsync, TimeSpan.FromSeconds(5), clock, logger, "Reading the asset-check queue failed", stoppingToken);
    }
}
