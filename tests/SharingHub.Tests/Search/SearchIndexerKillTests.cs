using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Search;
using SharingHub.Storage;
using SharingHub.Stories;
using SharingHub.Testing;
using SharingHub.Tests.Stories;

namespace SharingHub.Tests.Search;

/// <summary>
/// The indexer is stopped at each step (a fault injected through its snapshot store or its queue, as a crash would stop
/// it); a fresh indexer's next cycle must end with every change searchable, once.
/// </summary>
public sealed class SearchIndexerKillTests
{
    private static readonly Dictionary<string, string?> ManualIndexer = new()
    {
        ["Search:RunIndexer"] = "false",
        ["Search:NoticeLeaseSeconds"] = "1",
    };

    [Fact]
    public async Task KilledBetweenApplyingAndPublishingLosesNoChange()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        await FreshIndexer(hub).DrainAsync(CancellationToken.None); // the first, empty snapshot
        var ids = await PublishTwoStoriesAsync(hub);
        var killed = FreshIndexer(hub, snapshots: new KilledOnPublish(Real<ISnapshotStore>(hub)));

        await Assert.ThrowsAsync<SimulatedCrash>(() => killed.DrainAsync(CancellationToken.None));
        Assert.Equal(0, (await hub.CreateAnonymousClient().SearchAsync("kongekrabbe")).GetProperty("total").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the notices' lease runs out, as after a crash

        await FreshIndexer(hub).DrainAsync(CancellationToken.None);

        await AssertFoundOnceEachAsync(hub, ids);
        Assert.Equal(0, await QueuedNoticesAsync(hub));
    }

    [Fact]
    public async Task KilledBetweenPublishingAndRemovingTheNoticesDuplicatesNothing()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        await FreshIndexer(hub).DrainAsync(CancellationToken.None);
        var ids = await PublishTwoStoriesAsync(hub);
        var killed = FreshIndexer(hub, queue: new KilledOnDelete(Real<ISearchNoticeQueue>(hub)));

        await Assert.ThrowsAsync<SimulatedCrash>(() => killed.DrainAsync(CancellationToken.None));
        await AssertFoundOnceEachAsync(hub, ids); // published before the crash
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, await QueuedNoticesAsync(hub)); // and the notices came back

        Assert.Equal(2, await FreshIndexer(hub).DrainAsync(CancellationToken.None));

        await AssertFoundOnceEachAsync(hub, ids);
        Assert.Equal(0, await QueuedNoticesAsync(hub));
    }

    [Fact]
    public async Task AnIndexerThatLosesThePublishingRaceAppliesItsNoticesOnTheWinnersSnapshot()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        await FreshIndexer(hub).DrainAsync(CancellationToken.None);
        var first = await PublishTwoStoriesAsync(hub);
        var real = Real<ISnapshotStore>(hub);
        var admin = hub.CreateClient();
        string? second = null;
        // Just before the slow indexer publishes, another story is published and another indexer publishes it first.
        var slow = FreshIndexer(hub, snapshots: new BeforeFirstPublish(real, async () =>
        {
            second = (await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Kongekrabbe i skolematen, del tre"))).GetProperty("id").GetString();
            await FreshIndexer(hub).DrainAsync(CancellationToken.None);
        }));

        await slow.DrainAsync(CancellationToken.None);

        await AssertFoundOnceEachAsync(hub, [.. first, second!]);
    }

    [Fact]
    public async Task ANoticeThatFailsEveryTimeEndsInThePoisonQueueAndHoldsNothingBack()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        var indexer = FreshIndexer(hub);
        await indexer.DrainAsync(CancellationToken.None);
        var storage = hub.Services.GetRequiredService<HubStorage>();
        // A story row no reader can parse: every cycle that takes its notice fails, as a bug or a corrupt row would make it.
        var broken = new TableEntity("brokenstory1", "brokenstory1") { ["DocChunks"] = 1, ["Doc0"] = "{\"title\": " };
        await storage.Table(StoryEntities.MainTable).AddEntityAsync(broken);
        await Real<ISearchNoticeQueue>(hub).SendAsync(SearchNotice.Story("brokenstory1"), CancellationToken.None);
        var first = await PublishTwoStoriesAsync(hub); // taken in the same cycles as the broken notice

        for (var attempt = 1; attempt <= SearchIndexer.MaxAttempts + 1; attempt++)
        {
            try
            {
                await indexer.DrainAsync(CancellationToken.None);
            }
            catch (System.Text.Json.JsonException)
            {
                // The first cycle fails as a whole; from the second the broken notice is set apart.
            }
            await Task.Delay(TimeSpan.FromSeconds(1.2)); // its lease runs out
        }

        await AssertFoundOnceEachAsync(hub, first);
        var poisoned = (await storage.Queue(StorageSearchNoticeQueue.PoisonQueueName).PeekMessagesAsync(32)).Value;
        Assert.Equal(["story:brokenstory1"], poisoned.Select(m => m.MessageText));

        // Given up, it holds back no later notice: the next story is findable after one cycle (the queued rebuild with it).
        var later = await hub.CreateClient().PublishStoryAsync(StoryRequests.Landoya().With("title", "Kongekrabbe i skolematen, del fire"));
        await indexer.DrainAsync(CancellationToken.None);
        await AssertFoundOnceEachAsync(hub, [.. first, later.GetProperty("id").GetString()!]);
        Assert.Equal(0, await QueuedNoticesAsync(hub));
    }

    [Fact]
    public async Task WithNoSnapshotTheIndexerRebuildsFromTableStorage()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        var ids = await PublishTwoStoriesAsync(hub);
        var storage = hub.Services.GetRequiredService<HubStorage>();
        await storage.Queue(StorageSearchNoticeQueue.QueueName).ClearMessagesAsync(); // the notices are lost, the stories are not

        await FreshIndexer(hub).DrainAsync(CancellationToken.None);

        await AssertFoundOnceEachAsync(hub, ids);
    }

    [Fact]
    public async Task AnInstanceWithNoSnapshotAsksForARebuildAndAnswersEmptyMeanwhile()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        await PublishTwoStoriesAsync(hub);
        var storage = hub.Services.GetRequiredService<HubStorage>();
        await storage.Queue(StorageSearchNoticeQueue.QueueName).ClearMessagesAsync();

        var answer = await hub.CreateAnonymousClient().SearchAsync("kongekrabbe");

        Assert.Equal(0, answer.GetProperty("total").GetInt32());
        var queued = (await storage.Queue(StorageSearchNoticeQueue.QueueName).PeekMessagesAsync(32)).Value;
        Assert.Equal(["rebuild"], queued.Select(m => m.MessageText));
    }

    [Fact]
    public async Task ASnapshotPublishedByAnotherInstanceIsTakenAfterTheCheckInterval()
    {
        await using var hub = await HubApp.StartAsync(ManualIndexer);
        await FreshIndexer(hub).DrainAsync(CancellationToken.None);
        var visitor = hub.CreateAnonymousClient();
        Assert.Equal(0, (await visitor.SearchAsync("kongekrabbe")).GetProperty("total").GetInt32());
        var ids = await PublishTwoStoriesAsync(hub);
        // Another instance's indexer: its own searcher, so this hub learns of the snapshot only from Blob Storage.
        var elsewhere = ActivatorUtilities.CreateInstance<SearchIndexer>(hub.Services, ActivatorUtilities.CreateInstance<SearchIndexHolder>(hub.Services));
        await elsewhere.DrainAsync(CancellationToken.None);

        Assert.Equal(0, (await visitor.SearchAsync("kongekrabbe")).GetProperty("total").GetInt32()); // checked less than 3 s ago
        hub.Clock.Advance(TimeSpan.FromSeconds(4));

        await visitor.SearchUntilAsync("kongekrabbe", p => p.GetProperty("total").GetInt32() == ids.Length);
    }

    private static SearchIndexer FreshIndexer(HubApp hub, ISearchNoticeQueue? queue = null, ISnapshotStore? snapshots = null) =>
        ActivatorUtilities.CreateInstance<SearchIndexer>(hub.Services, queue ?? Real<ISearchNoticeQueue>(hub), snapshots ?? Real<ISnapshotStore>(hub));

    private static T Real<T>(HubApp hub)
        where T : notnull => hub.Services.GetRequiredService<T>();

    private static async Task<string[]> PublishTwoStoriesAsync(HubApp hub)
    {
        var admin = hub.CreateClient();
        var one = await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Kongekrabbe i skolematen"));
        var two = await admin.PublishStoryAsync(StoryRequests.Landoya().With("title", "Kongekrabbe i skolematen, del to"));
        return [one.GetProperty("id").GetString()!, two.GetProperty("id").GetString()!];
    }

    private static async Task AssertFoundOnceEachAsync(HubApp hub, IReadOnlyCollection<string> ids)
    {
        var page = await hub.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/search?q=kongekrabbe&limit=50");
        var found = page.Items().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(), found.Order());
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
    }

    private static async Task<int> QueuedNoticesAsync(HubApp hub)
    {
        QueueClient queue = hub.Services.GetRequiredService<HubStorage>().Queue(StorageSearchNoticeQueue.QueueName);
        return (await queue.PeekMessagesAsync(32)).Value.Length;
    }

    private sealed class SimulatedCrash() : Exception("The indexer was killed here.");

    private sealed class KilledOnPublish(ISnapshotStore inner) : ISnapshotStore
    {
        public Task<string?> GetETagAsync(CancellationToken ct) => inner.GetETagAsync(ct);

        public Task<IndexSnapshotBlob?> DownloadAsync(CancellationToken ct) => inner.DownloadAsync(ct);

        public Task<string> PublishAsync(byte[] content, string? expectedETag, CancellationToken ct) => throw new SimulatedCrash();
    }

    private sealed class BeforeFirstPublish(ISnapshotStore inner, Func<Task> meanwhile) : ISnapshotStore
    {
        private Func<Task>? pending = meanwhile;

        public Task<string?> GetETagAsync(CancellationToken ct) => inner.GetETagAsync(ct);

        public Task<IndexSnapshotBlob?> DownloadAsync(CancellationToken ct) => inner.DownloadAsync(ct);

        public async Task<string> PublishAsync(byte[] content, string? expectedETag, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref pending, null) is { } run)
            {
                await run();
            }
            return await inner.PublishAsync(content, expectedETag, ct);
        }
    }

    private sealed class KilledOnDelete(ISearchNoticeQueue inner) : ISearchNoticeQueue
    {
        public Task SendAsync(SearchNotice notice, CancellationToken ct) => inner.SendAsync(notice, ct);

        public Task<IReadOnlyList<QueuedNotice>> ReceiveAsync(int max, TimeSpan lease, CancellationToken ct) => inner.ReceiveAsync(max, lease, ct);

        public Task DeleteAsync(QueuedNotice message, CancellationToken ct) => throw new SimulatedCrash();

        public Task MoveToPoisonAsync(QueuedNotice message, CancellationToken ct) => throw new SimulatedCrash();
    }
}
