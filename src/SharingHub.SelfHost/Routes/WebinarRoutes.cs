using Microsoft.Extensions.Options;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarRoutes
{
    public static void MapWebinars(this RouteGroupBuilder api)
    {
        var webinars = api.MapGroup("/webinars");
        webinars.MapGet("/", WebinarEndpoints.List);
        webinars.MapPost("/", WebinarEndpoints.Create);
        webinars.MapGet("/{id}", WebinarEndpoints.Get);
        webinars.MapPut("/{id}", WebinarEndpoints.Update);
        webinars.MapGet("/{id}/transcript", WebinarEndpoints.Transcript);
        webinars.MapPost("/{id}/presentations/{presentationId}/story", WebinarEndpoints.CreateStory);
        webinars.MapGet("/{id}/assets", WebinarEndpoints.ListAssets);
        webinars.MapPost("/{id}/assets", WebinarEndpoints.RequestUpload);
        webinars.MapGet("/{id}/assets/{assetId}", WebinarEndpoints.GetAsset);
        webinars.MapPost("/{id}/assets/{assetId}/upload-url", WebinarEndpoints.RenewUpload);
        webinars.MapPost("/{id}/assets/{assetId}/complete", WebinarEndpoints.Complete);
    }

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
