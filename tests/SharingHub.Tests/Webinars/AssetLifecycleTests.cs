using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Testing;
using SharingHub.Webinars.Assets;

namespace SharingHub.Tests.Webinars;

public sealed class AssetLifecycleTests
{
    [Fact]
    public async Task HashIsTheHubsOwnSha256ComputedInTheBackgroundNotTheUploadersContentMd5()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var bytes = WebinarTestData.Mp4(200 * 1024);
        var ticket = await WebinarTestData.TicketAsync(client, episode.Id(), "recording", "opptak.mp4", "video/mp4", bytes.Length);
        var blob = new BlockBlobClient(new Uri(ticket.GetProperty("uploadUrl").GetString()!));

        var ids = new List<string>();
        for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
        {
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"b{offset:D10}"));
            await blob.StageBlockAsync(id, new MemoryStream(bytes, offset, Math.Min(64 * 1024, bytes.Length - offset)));
            ids.Add(id);
        }
        // Blob Storage stores whatever Content-MD5 the uploader commits with the block list, unverified.
        var claimed = MD5.HashData(WebinarTestData.Exe());
        await blob.CommitBlockListAsync(ids, new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentHash = claimed } });
        var (_, completed) = await WebinarTestData.CompleteAsync(client, episode.Id(), ticket);

        Assert.Equal("verifying", completed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("contentHash").ValueKind);
        var meanwhile = await client.GetFromJsonAsync<JsonElement>($"/api/webinars/{episode.Id()}/assets/{ticket.Id("assetId")}");
        if (meanwhile.GetProperty("status").GetString() == "verifying")
        {
            Assert.Equal(JsonValueKind.Null, meanwhile.GetProperty("readUrl").ValueKind); // nothing is served before it is hashed
        }
        var asset = await WebinarTestData.WaitWhileVerifyingAsync(client, episode.Id(), ticket.Id("assetId"));
        Assert.Equal("available", asset.GetProperty("status").GetString());
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), asset.GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task CheckWhoseQueueMessageWasLostIsQueuedAgainByTheCleanup()
    {
        var queue = new LosingFirstMessage();
        await using var hub = await HubApp.StartAsync(configureServices: services =>
            services.AddSingleton<IAssetCheckQueue>(sp => queue.Wrap(sp.GetRequiredService<StorageAssetCheckQueue>())));
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var bytes = WebinarTestData.Pdf();
        var ticket = await WebinarTestData.TicketAsync(client, episode.Id(), "slides", "lysark.pdf", "application/pdf", bytes.Length);
        await WebinarTestData.UploadThroughAsync(ticket, bytes);
        var (_, completed) = await WebinarTestData.CompleteAsync(client, episode.Id(), ticket);
        Assert.Equal("verifying", completed.GetProperty("status").GetString());
        Assert.Equal(1, queue.Lost);

        await Task.Delay(500);
        var route = $"/api/webinars/{episode.Id()}/assets/{ticket.Id("assetId")}";
        Assert.Equal("verifying", (await client.GetFromJsonAsync<JsonElement>(route)).GetProperty("status").GetString());
        hub.Clock.Advance(TimeSpan.FromHours(1)); // the self-host's clean-up runs on this clock

        var asset = await WebinarTestData.WaitWhileVerifyingAsync(client, episode.Id(), ticket.Id("assetId"));
        Assert.Equal("available", asset.GetProperty("status").GetString());
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), asset.GetProperty("contentHash").GetString());
    }

    /// <summary>The asset-check queue, except that the first check queued is lost (as when the send fails after complete).</summary>
    private sealed class LosingFirstMessage
    {
        public int Lost { get; private set; }

        public IAssetCheckQueue Wrap(IAssetCheckQueue inner) => new Queue(this, inner);

        private sealed class Queue(LosingFirstMessage owner, IAssetCheckQueue inner) : IAssetCheckQueue
        {
            public Task EnqueueAsync(WebinarAsset asset, CancellationToken ct)
            {
                if (owner.Lost == 0)
                {
                    owner.Lost++;
                    return Task.CompletedTask;
                }
                return inner.EnqueueAsync(asset, ct);
            }

            public Task<IReadOnlyList<QueuedAssetCheck>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct) => inner.ReceiveAsync(max, visibility, ct);

            public Task DeleteAsync(QueuedAssetCheck message, CancellationToken ct) => inner.DeleteAsync(message, ct);
        }
    }

    [Fact]
    public async Task PendingUploadGetsAFreshUrlButFinishedOneDoesNot()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var bytes = WebinarTestData.Pdf();
        var ticket = await WebinarTestData.TicketAsync(client, episode.Id(), "slides", "lysark.pdf", "application/pdf", bytes.Length);
        var renewRoute = $"/api/webinars/{episode.Id()}/assets/{ticket.Id("assetId")}/upload-url";

        hub.Clock.Advance(TimeSpan.FromMinutes(20));
        var renewed = await client.PostAsync(renewRoute, null);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var fresh = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(fresh.GetProperty("expiresAt").GetDateTimeOffset() > ticket.GetProperty("expiresAt").GetDateTimeOffset());
        await WebinarTestData.UploadThroughAsync(fresh, bytes);
        var asset = await WebinarTestData.CompleteAndWaitAsync(client, episode.Id(), ticket);
        Assert.Equal("available", asset.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(renewRoute, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/webinars/{episode.Id()}/assets/ffff/upload-url", null)).StatusCode);
    }

    [Fact]
    public async Task EpisodeWithoutCaptionsHasNoTranscript()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/webinars/{episode.Id()}/transcript")).StatusCode);
    }

    [Fact]
    public async Task DemoSeedingAddsSeptembersEpisode()
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        await using var hub = await HubApp.StartAsync(settings);
        var client = hub.CreateClient();

        var september = await client.GetFromJsonAsync<JsonElement>("/api/webinars?from=2026-09-01&to=2026-10-01");
        var episode = september.GetProperty("items").EnumerateArray().Single();
        var titles = episode.GetProperty("presentations").EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("Bibliotek og bærekraft", titles);
        Assert.Contains("Finn løsninger", titles);
        Assert.Equal(4, titles.Count);
    }
}
