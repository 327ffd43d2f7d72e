namespace SharingHub.Bench;

/// <summary>Reads a figure every 100 ms until stopped and keeps the highest (a process's RSS, the collector's committed heap).</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<double> loop;

    public PeakSampler(Func<double> read)
    {
        loop = Task.Run(async () =>
        {
            var peak = 0.0;
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, read());
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            return peak;
        });
    }

    public double Stop()
    {
        stop.Cancel();
        return loop.GetAwaiter().GetResult();
    }

    public void Dispose() => stop.Dispose();
}
