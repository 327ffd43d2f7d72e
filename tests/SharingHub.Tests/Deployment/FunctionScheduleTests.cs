using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// Scheduled work lives in the core as a "do the due work now" method (<c>RunOnceAsync</c>); the self-host runs it from
/// a BackgroundService and the Functions app from a timer. Queued work is read by the self-host's worker and by a queue
/// trigger in Azure. Checked against the function metadata the Worker SDK generates: a job without a timer, or a queue
/// without a trigger, would silently never run in Azure.
/// </summary>
public sealed class FunctionScheduleTests
{
    [Fact]
    public async Task EveryCoreJobIsRunByATimerFunction()
    {
        var jobs = typeof(HubStorage).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.Name == "RunOnceAsync" && m.DeclaringType == t))
            .ToList();
        var timers = (await FunctionsApp.FunctionsAsync()).Where(f => f.TriggerType == "timerTrigger").ToList();
        var scheduled = timers.SelectMany(f => MethodCalls.Of(f.Method)).Where(m => m.Name == "RunOnceAsync").Select(m => m.DeclaringType).ToHashSet();

        Assert.NotEmpty(jobs);
        var unscheduled = jobs
            .Where(job => !scheduled.Contains(job) && !job.GetInterfaces().Any(scheduled.Contains))
            .Select(job => job.FullName)
            .ToList();
        Assert.True(unscheduled.Count == 0, "No timer function calls RunOnceAsync of: " + string.Join(", ", unscheduled));
    }

    [Fact]
    public async Task EveryTimerHasASixFieldScheduleInUtc()
    {
        var timers = (await FunctionsApp.FunctionsAsync()).Where(f => f.TriggerType == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        // NCRONTAB with seconds; the host reads it in UTC on Linux plans (docs/deploy.md), so Oslo time stays in the core.
        Assert.All(timers, f => Assert.Equal(6, AppFunction.Value(f.Trigger, "schedule").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public async Task EveryQueueTheHubUsesAndItsPoisonQueueHaveATrigger()
    {
        using var host = await FunctionsApp.BuildHostAsync();
        var storage = host.Services.GetRequiredService<HubStorage>();
        var queues = host.Services.GetServices<StorageResource>().Where(r => r.Kind == StorageKind.Queue).Select(r => storage.Queue(r.Name).Name).ToList();
        var triggers = (await FunctionsApp.FunctionsAsync()).Where(f => f.TriggerType == "queueTrigger").ToList();

        Assert.NotEmpty(queues);
        var untriggered = queues.SelectMany(q => new[] { q, q + "-poison" })
            .Where(q => !triggers.Any(f => AppFunction.Value(f.Trigger, "queueName") == q))
            .ToList();
        Assert.True(untriggered.Count == 0, "No queue trigger reads: " + string.Join(", ", untriggered));
        // The connection the host reads (Storage__queueServiceUri in Azure, "Storage" locally): docs/deploy.md.
        Assert.All(triggers, f => Assert.Equal("Storage", AppFunction.Value(f.Trigger, "connection")));
    }
}
