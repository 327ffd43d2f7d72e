using System.Diagnostics;

namespace SharingHub.Bench;

public static class Measure
{
    public static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed;
    }

    /// <summary>Prints "hub vs baseline" and the throughput ratio (baseline time / hub time: 1.0 means as fast as the bare SDK).</summary>
    public static void Report(string what, TimeSpan hub, TimeSpan baseline, double target)
    {
        var ratio = baseline.TotalSeconds / hub.TotalSeconds;
        Console.WriteLine($"{what}: hub {hub.TotalMilliseconds:F0} ms, bare {baseline.TotalMilliseconds:F0} ms, ratio {ratio:F2} (target ≥ {target:F2}) {(ratio >= target ? "OK" : "BELOW TARGET")}");
    }
}
