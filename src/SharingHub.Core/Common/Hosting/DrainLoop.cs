using Microsoft.Extensions.Logging;

namespace SharingHub.Common.Hosting;

/// <summary>
/// The self-host's queue workers (the Functions app has queue triggers instead): drain the queue, then wait until this
/// process queues more or the poll interval has passed (other processes may have queued), until the host stops.
/// </summary>
public static class DrainLoop
{
    /// <param name="clock">Times the poll interval; pass <see cref="TimeProvider.System"/> where work queued by other
    /// processes must be seen while tests hold the hub's clock still.</param>
    public static async Task RunAsync(
        WakeSignal signal, Func<CancellationToken, Task> drainAsync, TimeSpan poll, TimeProvider clock, ILogger logger, string failure, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var queued = signal.Next;
            try
            {
                await drainAsync(stoppingToken);
                await Task.WhenAny(queued, Task.Delay(poll, clock, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
#pragma warning disable CA2254 // The message is one of the callers' constants, not built from data.
                logger.LogError(ex, failure);
#pragma warning restore CA2254
                await Task.WhenAny(queued, Task.Delay(poll, clock, stoppingToken));
            }
        }
    }
}
