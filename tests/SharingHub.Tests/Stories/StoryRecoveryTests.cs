using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;
using SharingHub.Stories;
using SharingHub.Testing;

namespace SharingHub.Tests.Stories;

/// <summary>What docs/storage.md promises when the hub stops between two writes: nothing shown wrongly, and a retry finishes the work.</summary>
public sealed class StoryRecoveryTests
{
    private static TableClient Table(HubApp hub, string name) => hub.Services.GetRequiredService<HubStorage>().Table(name);

    private static async Task DropIndexRowsAsync(HubApp hub, string storyId)
    {
        foreach (var index in StoryEntities.IndexTables.Select(name => Table(hub, name)))
        {
            await foreach (var row in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"StoryId eq {storyId}")))
            {
                await index.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            }
        }
    }

    [Fact]
    public async Task RetryWithIdempotencyKeyListsAStoryWhoseIndexRowsWereNeverWritten()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var first = await (await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "crash-1")).Content.ReadFromJsonAsync<JsonElement>();
        var id = first.GetProperty("id").GetString()!;
        await DropIndexRowsAsync(hub, id);
        Assert.Empty(await client.ListAllAsync("status=draft", 10));

        await client.PostStoryAsync(StoryRequests.Landoya(), idempotencyKey: "crash-1");

        Assert.Equal(id, Assert.Single(await client.ListAllAsync("status=draft&kommune=3203", 10)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReimportTakesOverANaturalKeyWhoseStoryWasNeverWritten()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        const string orphan = "0123456789abcdef0123456789abcdef";
        await Table(hub, StoryEntities.KeyTable).AddEntityAsync(StoryEntities.SourceKey(StorySources.Import, "trondelag", "k-1", orphan));
        var csv = new StringContent("sourceId,title,kommunenummer,network\nk-1,Halvferdig import,5001,trondelag\n", Encoding.UTF8, "text/csv");

        var report = await (await client.PostAsync("/api/stories/import", csv)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(orphan, report.GetProperty("rows")[0].GetProperty("storyId").GetString());
        Assert.Equal("Halvferdig import", (await client.GetFromJsonAsync<JsonElement>($"/api/stories/{orphan}")).GetProperty("title").GetString());
        Assert.Single(await client.ListAllAsync("status=submitted&network=trondelag", 10));
    }

    [Fact]
    public async Task ReimportListsStoriesWhoseIndexRowsWereNeverWritten()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        const string file = "sourceId,title,kommunenummer,network\nk-2,Uten indeks,5001,trondelag\n";
        var first = await (await client.PostAsync("/api/stories/import", new StringContent(file, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();
        await DropIndexRowsAsync(hub, first.GetProperty("rows")[0].GetProperty("storyId").GetString()!);
        Assert.Empty(await client.ListAllAsync("status=submitted", 10));

        var again = await (await client.PostAsync("/api/stories/import", new StringContent(file, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, again.GetProperty("existing").GetInt32());
        Assert.Single(await client.ListAllAsync("status=submitted&kommune=5001", 10));
        Assert.Equal(1, await hub.StoryCountAsync());
    }

    [Fact]
    public async Task StaleIndexRowNeverShowsAStoryInAListingItNoLongerBelongsTo()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var story = await client.PublishStoryAsync();
        var id = story.GetProperty("id").GetString()!;
        // A change that stopped after the main row: withdrawn in the main row, the published index rows left behind.
        var main = Table(hub, StoryEntities.MainTable);
        var stored = StoryEntities.FromMain((await main.GetEntityAsync<TableEntity>(id, StoryEntities.MainRowKey(id))).Value);
        await main.UpdateEntityAsync(StoryEntities.Main(stored with { Status = StoryStatus.Withdrawn, Version = stored.Version + 1 }), ETag.All, TableUpdateMode.Replace);

        Assert.Empty(await client.ListAllAsync("", 10));
        Assert.Empty(await client.ListAllAsync("kommune=3203", 10));
    }
}
