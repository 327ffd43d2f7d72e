using Microsoft.Extensions.Options;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarCleanupSchedule
{
    /// <summary>Runs the clean-up of unfinished uploads on the hub's clock, as the Functions app's timer does.</summary>
    public static IServiceCollection AddWebinarCleanupSchedule(this IServiceCollection services) =>
        services.AddHostedService<UploadCleanupService>();

    private sealed class UploadCleanupService(UploadCleanupJob job, IOptions<WebinarOptions> options, TimeProvider clock, ILogger<UploadCleanupService> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(options.Value.CleanupInterval, clock, stoppingToken);
                    await job.RunOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Clean-up of unfinished webinar uploads failed; trying again in {Interval}", options.Value.CleanupInterval);
                }
            }
        }
    }
}
