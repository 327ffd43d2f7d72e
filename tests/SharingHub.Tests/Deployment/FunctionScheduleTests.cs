using SharingHub.Storage;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// Scheduled work lives in the core as a "do the due work now" method (<c>RunOnceAsync</c>); the self-host runs it from
/// a BackgroundService and the Functions app from a timer. A job without a timer function would silently never run in Azure.
/// </summary>
public sealed class FunctionScheduleTests
{
    [Fact]
    public void EveryCoreJobIsRunByATimerFunction()
    {
        var jobs = typeof(HubStorage).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.Name == "RunOnceAsync" && m.DeclaringType == t))
            .ToList();
        var timerSources = Directory.EnumerateFiles(RepositoryRoot.File("functions"), "*.cs")
            .Select(File.ReadAllText)
            .Where(source => source.Contains("[TimerTrigger(", StringComparison.Ordinal))
            .ToList();

        var unscheduled = jobs
            .Where(job => !timerSources.Any(source => new[] { job }.Concat(job.GetInterfaces()).Any(t => source.Contains(t.Name, StringComparison.Ordinal))))
            .Select(job => job.FullName)
            .ToList();

        Assert.True(unscheduled.Count == 0, "No [TimerTrigger] function in functions/*.cs runs: " + string.Join(", ", unscheduled));
    }
}
