using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SharingHub.Common.Hosting;

namespace SharingHub.Digests;

/// <summary>The self-host's hourly due-job (the Functions app uses a timer trigger instead).</summary>
public sealed class DigestSchedulerService(DigestRound round, TimeProvider clock, ILogger<DigestSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The digest round failed; it runs again next hour");
            }
            var now = clock.GetUtcNow();
            var nextHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1).AddSeconds(5);
            await Task.Delay(nextHour - now, clock, stoppingToken);
        }
    }
}

/// <summary>The self-host's delivery worker: drains the queue, then waits for this process to queue more, or polls every few seconds.</summary>
public sealed class DigestDeliveryService(DigestQueueRunner runner, DeliveryQueueSignal signal, TimeProvider clock, ILogger<DigestDeliveryService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DrainLoop.RunAsync(signal, runner.DrainAsync, TimeSpan.FromSeconds(5), clock, logger, "Reading the delivery queue failed", stoppingToken);
}
