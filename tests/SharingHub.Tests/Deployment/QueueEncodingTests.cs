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
    public async Task QueuedDeliveryReachesTheFunctionAsItsId()
    {
        var encoding = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("host.json")))!["extensions"]!["queues"]!["messageEncoding"]?.GetValue<string>() ?? "base64";
        await using var hub = await HubApp.StartAsync(new Dictionary<string, string?> { ["Digests:RunWorkers"] = "false" });
        var id = "0195f0c2a1b27c3d8e9f0a1b2c3d4e5f-20261130T0700Z";

        await hub.Services.GetRequiredService<IDeliveryQueue>().EnqueueAsync(id, CancellationToken.None);

        var queue = hub.Services.GetRequiredService<SharingHub.Storage.HubStorage>().Queue(StorageDeliveryQueue.QueueName);
        var raw = Assert.Single((await queue.PeekMessagesAsync(32)).Value).MessageText;
        var seenByFunction = encoding == "none" ? raw : Encoding.UTF8.GetString(Convert.FromBase64String(raw));
        Assert.Equal(id, seenByFunction);
    }
}
