using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SharingHub.Feeds;

/// <summary>
/// Runs <see cref="FeedPollingJob"/> every <see cref="FeedOptions.CheckEverySeconds"/> in a long-running host. Stands aside
/// in the Functions app (FUNCTIONS_WORKER_RUNTIME is set there), where the timer trigger runs the job instead.
/// </summary>
public sealed class FeedPollingService(FeedPollingJob job, TimeProvider clock, IOptions<FeedOptions> options, ILogger<FeedPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollInBackground || Environment.GetEnvironmentVariable("FUNCTIONS_WORKER_RUNTIME") is not null)
        {
            return;
        }
        var every = TimeSpan.FromSeconds(options.Value.CheckEverySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                await job.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Feed polling round failed; the next round runs in {Seconds} s", every.TotalSeconds);
            }
        }
    }
}
