using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Digests;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Tests.Digests;

/// <summary>A redelivered message, a worker that dies at each step, and two racing workers: one post each time.</summary>
public sealed class ExactlyOnceDeliveryTests
{
    private static async Task<(DigestTestHost Host, string DeliveryId)> DueDeliveryAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await DigestTestHost.StartAsync(settings);
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        await DigestScenario.PublishAsync(host, "Én gang", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        return (host, Assert.Single(round.DeliveryIds));
    }

    private static async Task<JsonElement> DeliveryAsync(DigestTestHost host, string id) =>
        await host.Hub.CreateClient().GetFromJsonAsync<JsonElement>($"/api/deliveries/{id}");

    [Fact]
    public async Task RedeliveredQueueMessageDoesNotPostTwice()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        var worker = host.Service<DeliveryWorker>();

        var first = await worker.DeliverAsync(id, CancellationToken.None);
        var second = await worker.DeliverAsync(id, CancellationToken.None);
        await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, first);
        Assert.Equal(DeliveryOutcome.AlreadyDone, second);
        Assert.Single(host.Graph.Posts);
    }

    [Fact]
    public async Task WorkerKilledAfterPostingBeforeRecordingIsRecoveredWithoutASecondPost()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        var faults = host.Service<DeliveryFaults>();
        faults.AfterPost = _ => throw new InvalidOperationException("killed after post");
        var worker = host.Service<DeliveryWorker>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.DeliverAsync(id, CancellationToken.None));
        faults.AfterPost = null;
        var stuck = await DeliveryAsync(host, id);
        var whileLeased = await worker.DeliverAsync(id, CancellationToken.None);
        host.Hub.Clock.Advance(TimeSpan.FromMinutes(3));
        var recovered = await worker.DeliverAsync(id, CancellationToken.None);

        Assert.Equal("sending", stuck.GetProperty("status").GetString());
        Assert.Equal(DeliveryOutcome.Busy, whileLeased);
        Assert.Equal(DeliveryOutcome.Sent, recovered);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Contains(host.Graph.Requests, r => r.Kind == GraphCall.ListMessages);
        var delivery = await DeliveryAsync(host, id);
        Assert.Equal("sent", delivery.GetProperty("status").GetString());
        Assert.Equal(host.Graph.Messages(DigestScenario.Team, DigestScenario.Channel).Single().Id, delivery.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task WorkerKilledAfterClaimingBeforePostingPostsOnceAfterTheLease()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        var faults = host.Service<DeliveryFaults>();
        faults.AfterClaim = _ => throw new InvalidOperationException("killed after claim");
        var worker = host.Service<DeliveryWorker>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.DeliverAsync(id, CancellationToken.None));
        faults.AfterClaim = null;
        host.Hub.Clock.Advance(TimeSpan.FromMinutes(3));
        var recovered = await worker.DeliverAsync(id, CancellationToken.None);
        var again = await worker.DeliverAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, recovered);
        Assert.Equal(DeliveryOutcome.AlreadyDone, again);
        Assert.Single(host.Graph.Posts);
    }

    [Fact]
    public async Task WorkerKilledBetweenAddingAndQueueingIsQueuedByTheNextRound()
    {
        await using var host = await DigestTestHost.StartAsync();
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id));
        await DigestScenario.PublishAsync(host, "Ikke mistet", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        var round = host.Service<DigestRound>();

        var first = await round.RunOnceAsync(CancellationToken.None);
        // The queue message is lost (as if the round died before queueing): take it off without delivering.
        var queue = host.Service<IDeliveryQueue>();
        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            await queue.DeleteAsync(message, CancellationToken.None);
        }
        var subscriptions = host.Service<SharingHub.Subscriptions.SubscriptionService>();
        var sub = (await subscriptions.ListAsync(null, CancellationToken.None)).Single();
        await subscriptions.ChangeAsync(sub.Id, s => s with { ScheduledThrough = null }, CancellationToken.None);
        var second = await round.RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Equal(first.DeliveryIds, second.DeliveryIds);
        Assert.Single(host.Graph.Posts);
    }

    [Fact]
    public async Task TwoWorkersRacingPostOnce()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        host.Graph.PostDelay = TimeSpan.FromMilliseconds(200);
        var worker = host.Service<DeliveryWorker>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.DeliverAsync(id, CancellationToken.None))));

        Assert.Single(host.Graph.Posts);
        Assert.Equal(1, outcomes.Count(o => o == DeliveryOutcome.Sent));
        Assert.All(outcomes.Where(o => o != DeliveryOutcome.Sent), o => Assert.True(o is DeliveryOutcome.Busy or DeliveryOutcome.AlreadyDone));
    }

    /// <summary>Three channels' digests due at once, as a worker receives them in one message.</summary>
    private static async Task<(DigestTestHost Host, QueuedDelivery Message)> DueMessageOfThreeAsync()
    {
        var host = await DigestTestHost.StartAsync();
        var connection = await host.ConnectAsync();
        for (var i = 0; i < 3; i++)
        {
            var channel = $"19:kanal{i}@thread.tacv2";
            host.Graph.AddChannel(DigestScenario.Team, channel);
            await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3], channel: channel));
        }
        await DigestScenario.PublishAsync(host, "Tre kanaler", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        // The round queues what it has composed so far, so it may have sent them in more than one message.
        var queue = host.Service<IDeliveryQueue>();
        var queued = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        foreach (var sent in queued)
        {
            await queue.DeleteAsync(sent, CancellationToken.None);
        }
        await queue.EnqueueAsync(round.DeliveryIds, CancellationToken.None);
        var message = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(round.DeliveryIds.Order(), queued.SelectMany(m => m.DeliveryIds).Order());
        Assert.Equal(3, message.DeliveryIds.Count);
        return (host, message);
    }

    private static async Task<JsonElement[]> SubscriptionsAsync(DigestTestHost host) =>
        await host.Hub.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/subscriptions") ?? [];

    [Fact]
    public async Task WorkerKilledAfterPostingAMessageOfSeveralBeforeRecordingPostsEachOnce()
    {
        var (host, message) = await DueMessageOfThreeAsync();
        await using var _ = host;
        var faults = host.Service<DeliveryFaults>();
        faults.AfterPost = id => id == message.DeliveryIds[1] ? throw new InvalidOperationException("killed after post") : Task.CompletedTask;
        var worker = host.Service<DeliveryWorker>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None));
        faults.AfterPost = null;
        var whileLeased = await worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None);
        host.Hub.Clock.Advance(TimeSpan.FromMinutes(3));
        var recovered = await worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None);

        Assert.All(whileLeased.Values, o => Assert.Equal(DeliveryOutcome.Busy, o));
        Assert.All(recovered.Values, o => Assert.Equal(DeliveryOutcome.Sent, o));
        Assert.Equal(3, host.Graph.Posts.Count);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Single(host.Graph.Messages(DigestScenario.Team, $"19:kanal{i}@thread.tacv2")));
        Assert.Equal(message.DeliveryIds.Order(), (await SubscriptionsAsync(host)).Select(s => s.GetProperty("lastDeliveryId").GetString()).Order());
    }

    [Fact]
    public async Task WorkerKilledAfterClaimingAMessageOfSeveralPostsEachOnceAfterTheLease()
    {
        var (host, message) = await DueMessageOfThreeAsync();
        await using var _ = host;
        var faults = host.Service<DeliveryFaults>();
        faults.AfterClaim = _ => throw new InvalidOperationException("killed after claim");
        var worker = host.Service<DeliveryWorker>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None));
        faults.AfterClaim = null;
        host.Hub.Clock.Advance(TimeSpan.FromMinutes(3));
        var recovered = await worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None);
        var again = await worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None);

        Assert.All(recovered.Values, o => Assert.Equal(DeliveryOutcome.Sent, o));
        Assert.All(again.Values, o => Assert.Equal(DeliveryOutcome.AlreadyDone, o));
        Assert.Equal(3, host.Graph.Posts.Count);
    }

    [Fact]
    public async Task WorkersRacingOverOneMessageOfSeveralPostEachOnce()
    {
        var (host, message) = await DueMessageOfThreeAsync();
        await using var _ = host;
        host.Graph.PostDelay = TimeSpan.FromMilliseconds(200);
        var worker = host.Service<DeliveryWorker>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.DeliverManyAsync(message.DeliveryIds, CancellationToken.None))));

        Assert.Equal(3, host.Graph.Posts.Count);
        Assert.All(message.DeliveryIds, id => Assert.Equal(1, outcomes.Count(o => o[id] == DeliveryOutcome.Sent)));
    }

    [Fact]
    public async Task SubscriptionDeletedBeforeItsMessageIsDeliveredDoesNotHoldUpTheOthers()
    {
        var (host, message) = await DueMessageOfThreeAsync();
        await using var _ = host;
        var client = host.Hub.CreateClient();
        var gone = (await SubscriptionsAsync(host))[0].GetProperty("id").GetString();
        Assert.True((await client.DeleteAsync($"/api/subscriptions/{gone}")).IsSuccessStatusCode);

        var outcomes = await host.Service<DeliveryWorker>().DeliverManyAsync(message.DeliveryIds, CancellationToken.None);

        Assert.All(outcomes.Values, o => Assert.Equal(DeliveryOutcome.Sent, o));
        var left = await SubscriptionsAsync(host);
        Assert.Equal(2, left.Length);
        Assert.All(left, s => Assert.Contains(s.GetProperty("lastDeliveryId").GetString(), message.DeliveryIds));
    }

    [Fact]
    public async Task ThrottledPostIsRetriedAfterRetryAfterAndUnavailableWithBackoff()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        host.Graph.Fail(GraphCall.PostMessage, 429, times: 1, retryAfter: TimeSpan.FromSeconds(7));
        host.Graph.Fail(GraphCall.PostMessage, 503, times: 1);
        var start = host.Hub.Clock.GetUtcNow();

        var outcome = await DigestScenario.WhileAdvancingAsync(host, host.Service<DeliveryWorker>().DeliverAsync(id, CancellationToken.None));

        Assert.Equal(DeliveryOutcome.Sent, outcome);
        Assert.Equal(3, host.Graph.Requests.Count(r => r.Kind == GraphCall.PostMessage));
        Assert.Single(host.Graph.Posts);
        Assert.True(host.Hub.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(7), "waited at least Retry-After on the hub's clock");
    }

    [Fact]
    public async Task ChannelGoneFailsTheDeliveryWithTheReasonAndOperatorCanRetry()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        host.Graph.RemoveChannel(DigestScenario.Team, DigestScenario.Channel);
        var client = host.Hub.CreateClient();

        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        var failed = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/deliveries?status=failed") ?? []);
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var retry = await client.PostAsync($"/api/deliveries/{id}/retry", null);
        var retryAgain = await client.PostAsync($"/api/deliveries/{id}/retry", null);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Contains("404", failed.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retryAgain.StatusCode);
        Assert.Single(host.Graph.Posts);
        Assert.Equal("sent", (await DeliveryAsync(host, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoriesOfADigestThatFailedForGoodComeWithTheNextDigest()
    {
        var (host, _) = await DueDeliveryAsync();
        await using var __ = host;
        host.Graph.RemoveChannel(DigestScenario.Team, DigestScenario.Channel);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        await DigestScenario.PublishAsync(host, "Neste uke", goal: 3);

        host.Hub.Clock.Advance(TimeSpan.FromDays(7));
        var next = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        await host.Service<DigestQueueRunner>().DrainAsync(CancellationToken.None);

        Assert.Single(next.DeliveryIds);
        var html = Assert.Single(host.Graph.Posts).Json!["body"]!["content"]!.GetValue<string>();
        Assert.Contains("Én gang", html);
        Assert.Contains("Neste uke", html);
    }

    [Fact]
    public async Task RepeatedFailuresPauseTheSubscription()
    {
        var (host, id) = await DueDeliveryAsync(new Dictionary<string, string?> { ["Digests:FailuresBeforePause"] = "2" });
        await using var _ = host;
        host.Graph.Fail(GraphCall.PostMessage, 403, times: 10);
        var worker = host.Service<DeliveryWorker>();
        var client = host.Hub.CreateClient();

        await worker.DeliverAsync(id, CancellationToken.None);
        await client.PostAsync($"/api/deliveries/{id}/retry", null);
        await worker.DeliverAsync(id, CancellationToken.None);

        var subscription = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/subscriptions") ?? []);
        Assert.True(subscription.GetProperty("paused").GetBoolean());
        Assert.Contains("403", subscription.GetProperty("pausedReason").GetString());
        Assert.Empty(host.Graph.Posts);
    }

    [Fact]
    public async Task ConnectionThatCannotSignInIsMarkedBrokenAndItsSubscriptionsPause()
    {
        var (host, id) = await DueDeliveryAsync();
        await using var _ = host;
        host.Tokens.FailWith = "AADSTS700082: The refresh token has expired";
        var client = host.Hub.CreateClient();

        var outcome = await host.Service<DeliveryWorker>().DeliverAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, outcome);
        var connection = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/teams/connections") ?? []);
        Assert.Equal("broken", connection.GetProperty("status").GetString());
        Assert.Contains("AADSTS700082", connection.GetProperty("brokenReason").GetString());
        Assert.True(Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/subscriptions") ?? []).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task ChannelDailyCapHoldsBackFurtherDigestsUntilTheNextDay()
    {
        await using var host = await DigestTestHost.StartAsync(new Dictionary<string, string?> { ["Digests:ChannelPerDay"] = "1" });
        host.Graph.AddChannel(DigestScenario.Team, DigestScenario.Channel);
        var connection = await host.ConnectAsync();
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [3]));
        await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, goals: [4], kommune: "0301"));
        await DigestScenario.PublishAsync(host, "Mål tre", goal: 3);
        await DigestScenario.PublishAsync(host, "Mål fire", goal: 4);
        DigestScenario.ToNextMondayMorning(host);
        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        var worker = host.Service<DeliveryWorker>();

        var first = await worker.DeliverAsync(round.DeliveryIds[0], CancellationToken.None);
        var second = await worker.DeliverAsync(round.DeliveryIds[1], CancellationToken.None);
        var held = await DeliveryAsync(host, round.DeliveryIds[1]);
        host.Hub.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await worker.DeliverAsync(round.DeliveryIds[1], CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, first);
        Assert.Equal(DeliveryOutcome.Retry, second);
        Assert.Equal("pending", held.GetProperty("status").GetString());
        Assert.Contains("daily", held.GetProperty("reason").GetString());
        Assert.Equal(DeliveryOutcome.Sent, nextDay);
        Assert.Equal(2, host.Graph.Posts.Count);
    }
}
