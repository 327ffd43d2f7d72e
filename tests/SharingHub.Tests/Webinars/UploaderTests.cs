using System.Net.Http.Json;
using System.Text.Json;
using SharingHub.Cli.Upload;
using SharingHub.Testing;

namespace SharingHub.Tests.Webinars;

public sealed class UploaderTests : IDisposable
{
    private const int BlockSize = 64 * 1024;
    private readonly string directory = Directory.CreateTempSubdirectory("sharinghub-upload-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task UploadCommandSendsBlocksInParallelCommitsAndCompletes()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var bytes = WebinarTestData.Mp4(10 * BlockSize + 123);
        var path = WriteFile("opptak.mp4", bytes);
        var reports = new List<UploadProgress>();

        var result = await new Uploader(client, new UploaderOptions { BlockSize = BlockSize, Parallelism = 4 })
            .UploadAsync(new UploadRequest(episode.Id(), "recording", path), new Recorder(reports.Add), CancellationToken.None);

        Assert.Equal("verifying", result.Status);
        Assert.Equal(11, result.BlocksSent);
        Assert.Equal(0, result.BlocksSkipped);
        Assert.Equal(bytes.Length, reports[^1].BytesDone);
        Assert.Equal(bytes, (await WebinarTestData.StoredBlob(hub, episode.Id(), result.AssetId).DownloadContentAsync()).Value.Content.ToArray());
        Assert.False(File.Exists(UploadState.PathFor(path)));
        var asset = await WebinarTestData.WaitWhileVerifyingAsync(client, episode.Id(), result.AssetId);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), asset.GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task InterruptedUploadResumesWithoutSendingTheSameBlocksAgain()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var bytes = WebinarTestData.Mp4(20 * BlockSize + 7);
        var path = WriteFile("opptak.mp4", bytes);
        var request = new UploadRequest(episode.Id(), "recording", path);
        var options = new UploaderOptions { BlockSize = BlockSize, Parallelism = 2 };

        using var interrupt = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Uploader(client, options).UploadAsync(request, new Recorder(p =>
        {
            if (p.BlocksDone >= 6)
            {
                interrupt.Cancel();
            }
        }), interrupt.Token));
        Assert.True(File.Exists(UploadState.PathFor(path)));

        var resumed = await new Uploader(client, options).UploadAsync(request, null, CancellationToken.None);

        Assert.Equal("verifying", resumed.Status);
        Assert.True(resumed.BlocksSkipped >= 6, $"skipped {resumed.BlocksSkipped}");
        Assert.True(resumed.BlocksSent < 21, $"sent {resumed.BlocksSent}");
        Assert.Equal(21, resumed.BlocksSent + resumed.BlocksSkipped);
        Assert.Equal(bytes, (await WebinarTestData.StoredBlob(hub, episode.Id(), resumed.AssetId).DownloadContentAsync()).Value.Content.ToArray());
        var assets = await client.GetFromJsonAsync<JsonElement>($"/api/webinars/{episode.Id()}/assets");
        Assert.Equal(resumed.AssetId, assets.GetProperty("items").EnumerateArray().Single().GetProperty("assetId").GetString());
    }

    [Fact]
    public async Task RenamedProgramIsUploadedButRejectedByTheHub()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var episode = await WebinarTestData.CreateEpisodeAsync(client);
        var path = WriteFile("ikke-en-film.mp4", WebinarTestData.Exe(3 * BlockSize));

        var result = await new Uploader(client, new UploaderOptions { BlockSize = BlockSize })
            .UploadAsync(new UploadRequest(episode.Id(), "recording", path), null, CancellationToken.None);

        Assert.Equal("rejected", result.Status);
        Assert.Contains("Windows program", result.Reason);
    }

    [Fact]
    public async Task RefusedRequestReportsTheHubsReason()
    {
        await using var hub = await HubApp.StartAsync();
        var client = hub.CreateClient();
        var path = WriteFile("opptak.mp4", WebinarTestData.Mp4());

        var error = await Assert.ThrowsAsync<UploadFailedException>(() => new Uploader(client)
            .UploadAsync(new UploadRequest("0123456789abcdef", "recording", path), null, CancellationToken.None));

        Assert.Contains("404", error.Message);
    }

    private sealed class Recorder(Action<UploadProgress> onReport) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => onReport(value);
    }
}
