using SharingHub.Digests;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Tests.Digests;

/// <summary>The hub keeps to Teams' per-tenant limit on its own, before Graph has to answer 429.</summary>
public sealed class DigestPacingTests
{
    [Fact]
    public async Task PostsToOneTenantArePacedAtItsLimitPerSecond()
    {
        await using var host = await DigestTestHost.StartAsync(new Dictionary<string, string?> { ["Digests:TenantPerSecond"] = "4" });
        var connection = await host.ConnectAsync();
        for (var i = 0; i < 12; i++)
        {
            var channel = $"19:kanal{i}@thread.tacv2";
            host.Graph.AddChannel(DigestScenario.Team, channel);
            await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [13], channel: channel));
        }
        await DigestScenario.PublishAsync(host, "Klimabudsjett i alle enheter", goal: 13);
        DigestScenario.ToNextMondayMorning(host);

        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Equal(12, round.Enqueued);
        var arrivals = host.Graph.Posts.Select(p => p.ReceivedAt).Order().ToList();
        Assert.Equal(12, arrivals.Count);
        // Four a second: the last four cannot start before two seconds after the first four (a little less for jitter).
        var span = arrivals[^1] - arrivals[0];
        Assert.True(span >= TimeSpan.FromSeconds(1.8), $"12 posts at 4 per second arrived within {span.TotalSeconds:F2} s");
    }
}
