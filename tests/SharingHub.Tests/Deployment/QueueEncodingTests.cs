using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Digests;
using SharingHub.Testing;

namespace SharingHub.Tests.Deployment;

/// <summary>The queue trigger hands the function what host.json's messageEncoding says; the hub must queue exactly that.</summary>
public sealed class QueueEncodingTests
{
    [Fact]
    public async Task QueuedDeliveriesReachTheFunctionAsTheirIds()
    {
        var encoding = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("host.json")))!["extensions"]!["queues"]!["messageEncoding"]?.GetValue<string>() ?? "base64";
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Digests:RunWorkers"] = "false" });
        var one = "0195f0c2a1b27c3d8e9f0a1b2c3d4e5f-20261130T0700Z";
        string[] two = ["0195f0c2a1b27c3d8e9f0a1b2c3d4e60-20261130T0700Z", "0195f0c2a1b27c3d8e9f0a1b2c3d4e61-20261130T0700Z"];
        var queue = hub.Services.GetRequiredService<IDeliveryQueue>();

        await queue.EnqueueAsync(one, CancellationToken.None);
        await queue.EnqueueAsync(two, CancellationToken.None);

        var raw = hub.Services.GetRequiredService<SharingHub.Storage.HubStorage>().Queue(StorageDeliveryQueue.QueueName);
        var seenByFunction = (await raw.PeekMessagesAsync(32)).Value
            .Select(m => encoding == "none" ? m.MessageText : Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)))
            .ToList();
        Assert.Equal(2, seenByFunction.Count);
        Assert.Equal(one, seenByFunction[0]);
        Assert.Equal(two, DeliveryMessage.Parse(seenByFunction[1]));
    }
}
