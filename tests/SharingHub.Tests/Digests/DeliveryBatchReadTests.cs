using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Digests;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Tests.Digests;

/// <summary>
/// The worker reads a message's deliveries in one range read and the connections they post through in one listing:
/// whatever lies between them or is missing, each delivery posts once, through its own connection, and no other.
/// </summary>
public sealed class DeliveryBatchReadTests
{
    [Fact]
    public async Task AMessageWithDeliveriesFarApartPostsThoseThroughTheirOwnConnectionsAndLeavesTheOnesBetween()
    {
        await using var host = await DigestTestHost.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            host.Graph.AddChannel(DigestScenario.Team, $"19:kanal{i}@thread.tacv2");
            var connection = await host.ConnectAsync(tenantId: $"tenant-{i}");
            await DigestScenario.CreateSubscriptionAsync(host, DigestScenario.Subscription(connection.Id, channel: $"19:kanal{i}@thread.tacv2"));
        }
        await DigestScenario.PublishAsync(host, "Felles innkjøp av elsykler", goal: 3);
        DigestScenario.ToNextMondayMorning(host);
        var round = await host.Service<DigestRound>().RunOnceAsync(CancellationToken.None);
        var ids = round.DeliveryIds.Order(StringComparer.Ordinal).ToList(); // the order of their rows
        Assert.Equal(7, ids.Count);
        Assert.True(Delivery.TryParseId(ids[0], out _, out var period));
        var missing = Delivery.IdFor("zz-finnes-ikke", period);

        // Five rows lie between the first and the last: more than the range read's page of twice the two wanted.
        var outcomes = await host.Service<DeliveryWorker>().DeliverManyAsync([ids[0], ids[^1], missing], CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, outcomes[ids[0]]);
        Assert.Equal(DeliveryOutcome.Sent, outcomes[ids[^1]]);
        Assert.Equal(DeliveryOutcome.Missing, outcomes[missing]);
        var client = host.Hub.CreateClient();
        var posts = host.Graph.Posts;
        Assert.Equal(2, posts.Count);
        foreach (var id in new[] { ids[0], ids[^1] })
        {
            var delivery = await client.GetFromJsonAsync<JsonElement>($"/api/deliveries/{id}");
            Assert.Equal("sent", delivery.GetProperty("status").GetString());
            var channel = delivery.GetProperty("channelId").GetString()!;
            var post = Assert.Single(posts, p => p.Path.Contains(Uri.EscapeDataString(channel), StringComparison.Ordinal) || p.Path.Contains(channel, StringComparison.Ordinal));
            Assert.Equal($"Bearer token-for-{delivery.GetProperty("connectionId").GetString()}", post.Headers["Authorization"]);
        }
        foreach (var id in ids.Skip(1).SkipLast(1))
        {
            var between = await client.GetFromJsonAsync<JsonElement>($"/api/deliveries/{id}");
            Assert.Equal("pending", between.GetProperty("status").GetString());
            Assert.Equal(0, between.GetProperty("attempts").GetInt32());
        }

        // The rest, in one message as a round queues them: each posted once more, none twice.
        var rest = await host.Service<DeliveryWorker>().DeliverManyAsync(ids, CancellationToken.None);
        Assert.Equal(5, rest.Values.Count(o => o == DeliveryOutcome.Sent));
        Assert.Equal(2, rest.Values.Count(o => o == DeliveryOutcome.AlreadyDone));
        Assert.Equal(7, host.Graph.Posts.Select(p => p.Path).Distinct().Count());
        Assert.Equal(7, host.Graph.Posts.Count);
    }
}
