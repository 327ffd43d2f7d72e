using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using SharingHub.Cli.Upload;
using SharingHub.Testing;

namespace SharingHub.Bench;

/// <summary>
/// `upload [sizeMiB…] [--parallel 5] [--block-mb 8]` (default 1024): the upload command through the hub's issued URL against a bare
/// BlobClient.UploadAsync of the same file to the same Azurite (SDK defaults: one Put Blob below 256 MiB, else 8 MiB
/// blocks, 5 in flight), and the self-host's memory while it served the upload. Also printed, outside the ratio: the
/// SDK with the command's block size and blocks in flight, the command's calls to the hub, and the background hash.
/// The self-host runs as its own process (Release build), so its memory is its own.
/// </summary>
public sealed partial class UploadBench : IScenario
{
    public string Description => "webinar recording upload: upload command via issued URL vs bare BlobClient, plus self-host memory";

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public async Task RunAsync(string[] args)
    {
        var defaults = new UploaderOptions(); // the command's own defaults unless told otherwise
        var parallel = Option(ref args, "--parallel", defaults.Parallelism);
        var blockMb = Option(ref args, "--block-mb", defaults.BlockSize >> 20);
        var uploader = new UploaderOptions { Parallelism = parallel, BlockSize = blockMb * 1024 * 1024 };
        var sizes = args.Length == 0 ? [1024] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var connection = await SharedAzurite.ConnectionStringAsync();
        using var host = await SelfHost.StartAsync(connection);
        var hubCalls = new TimingHandler(new HttpClientHandler());
        using var api = new HttpClient(hubCalls) { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(10) };
        api.DefaultRequestHeaders.Add("X-Api-Key", host.AdminKey);
        var bare = new BlobContainerClient(connection, "bench-bare");
        await bare.CreateIfNotExistsAsync();
        Console.WriteLine($"self-host pid {host.Process.Id} at {host.Address}; idle RSS {Memory.Read(host.Process.Id).RssMb:F0} MB; upload command: {blockMb} MiB blocks, {parallel} in flight");

        // Both sides once with a small file first, unmeasured: the first calls of a process (JIT, connections, the
        // self-host's first request) would otherwise be counted against whichever side goes first.
        await RoundAsync(1, report: false);
        foreach (var mib in sizes)
        {
            await RoundAsync(mib, report: true);
        }

        async Task RoundAsync(int mib, bool report)
        {
            var path = Path.Combine(Path.GetTempPath(), $"sharinghub-bench-{mib}.mp4");
            WriteFile(path, (long)mib * 1024 * 1024);
            var episode = await (await api.PostAsJsonAsync("/api/webinars", new { title = $"Bench {mib} MiB", startsAt = "2026-09-25T09:00:00+02:00" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var webinarId = episode.GetProperty("id").GetString()!;

            var bareBlob = bare.GetBlobClient($"bare-{mib}.mp4");
            var bareTime = await Measure.TimeAsync(() => bareBlob.UploadAsync(path, overwrite: true));
            await bareBlob.DeleteIfExistsAsync(); // in-memory Azurite slows down as it fills: each upload starts from the same state
            // The SDK again, with the command's block size and blocks in flight: tells the cost of cutting the file from the command's own.
            var sameBlocks = new Azure.Storage.StorageTransferOptions { InitialTransferSize = uploader.BlockSize, MaximumTransferSize = uploader.BlockSize, MaximumConcurrency = uploader.Parallelism };
            var sameBlocksTime = await Measure.TimeAsync(() => bareBlob.UploadAsync(path, new Azure.Storage.Blobs.Models.BlobUploadOptions { TransferOptions = sameBlocks }));
            await bareBlob.DeleteIfExistsAsync();

            using var sampler = new Memory.Sampler(host.Process.Id);
            hubCalls.Clear();
            UploadResult? result = null;
            var blocks = new BlockTimes();
            var hubTime = await Measure.TimeAsync(async () =>
                result = await new Uploader(api, uploader).UploadAsync(new UploadRequest(webinarId, "recording", path), blocks, CancellationToken.None));
            var peak = sampler.Stop();
            var callsDuringUpload = hubCalls.Describe();

            // Not part of the ratio: the command is done at complete; the hub then hashes the snapshot in the background.
            using var hashSampler = new Memory.Sampler(host.Process.Id);
            var (status, hashTime) = await WaitWhileVerifyingAsync(api, webinarId, result!.AssetId);
            var hashPeak = hashSampler.Stop();
            if (report)
            {
                Measure.Report($"upload {mib} MiB (hub status {result.Status}, {result.BlocksSent} blocks)", hubTime, bareTime, target: 0.9);
                Console.WriteLine($"  hub {mib / hubTime.TotalSeconds:F0} MiB/s, bare {mib / bareTime.TotalSeconds:F0} MiB/s; self-host RSS peak during upload {peak.RssMb:F0} MB, VmHWM {peak.HwmMb:F0} MB");
                Console.WriteLine($"  of the command's time, calls to the hub: {callsDuringUpload}; blocks acknowledged from {blocks.First} to {blocks.Last} ms");
                Console.WriteLine($"  bare SDK with the command's blocks ({uploader.BlockSize >> 20} MiB, {uploader.Parallelism} in flight): {sameBlocksTime.TotalMilliseconds:F0} ms");
                Console.WriteLine($"  background hash: {status} {hashTime.TotalMilliseconds:F0} ms after complete ({mib / hashTime.TotalSeconds:F0} MiB/s); self-host RSS peak meanwhile {hashPeak.RssMb:F0} MB");
            }

            await new BlobServiceClient(connection).GetBlobContainerClient($"{host.Prefix}-webinar-assets").GetBlobClient($"{webinarId}/{result.AssetId}")
                .DeleteIfExistsAsync(Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots);
            File.Delete(path);
        }
    }

    /// <summary>When the first and the last block were acknowledged, from the command's start.</summary>
    private sealed class BlockTimes : IProgress<UploadProgress>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();

        public long First { get; private set; } = -1;
        public long Last { get; private set; }

        public void Report(UploadProgress value)
        {
            if (value.BlocksDone == 0)
            {
                return;
            }
            Last = watch.ElapsedMilliseconds;
            First = First < 0 ? Last : First;
        }
    }

    /// <summary>Times each request the upload command makes to the hub (request the upload, complete), by route.</summary>
    private sealed class TimingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Call, TimeSpan Took)> calls = new();

        public void Clear() => calls.Clear();

        public string Describe() => string.Join(", ", calls.Select(c => $"{c.Call} {c.Took.TotalMilliseconds:F0} ms"));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            calls.Enqueue(($"{request.Method} {(path.EndsWith("/complete", StringComparison.Ordinal) ? "…/complete" : path.EndsWith("/assets", StringComparison.Ordinal) ? "…/assets" : "…/" + path.Split('/')[^1])}", watch.Elapsed));
            return response;
        }
    }

    private static async Task<(string Status, TimeSpan Took)> WaitWhileVerifyingAsync(HttpClient api, string webinarId, string assetId)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var asset = await api.GetFromJsonAsync<JsonElement>($"/api/webinars/{webinarId}/assets/{assetId}");
            var status = asset.GetProperty("status").GetString()!;
            if (status != "verifying" || watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                return (status, watch.Elapsed);
            }
            await Task.Delay(50);
        }
    }

    private static int Option(ref string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return fallback;
        }
        var value = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
    }

    /// <summary>Pseudo-random content (not compressible, not zeros) behind a real MP4 'ftyp' box, written in 8 MiB pieces.</summary>
    private static void WriteFile(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[8 << 20];
        var random = new Random(42);
        for (long written = 0; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            if (written == 0)
            {
                "\0\0\0\u0020ftypisom"u8.CopyTo(buffer);
            }
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
    }

    private sealed class SelfHost : IDisposable
    {
        public required Process Process { get; init; }
        public required Uri Address { get; init; }
        public required string Prefix { get; init; }
        public required string AdminKey { get; init; }

        public static async Task<SelfHost> StartAsync(string connection)
        {
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "SharingHub.sln")))
            {
                root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Run the bench from inside the repository.");
            }
            var dll = Path.Combine(root, "src/SharingHub.SelfHost/bin/Release/net10.0/SharingHub.SelfHost.dll");
            var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["Storage__ConnectionString"] = connection;
            start.Environment["Storage__Prefix"] = prefix;
            var adminKey = "bench-admin-" + Guid.NewGuid().ToString("N");
            start.Environment["Access__BootstrapAdminKey"] = adminKey;
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host.");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep draining, so the host never blocks on a full pipe
                    return new SelfHost { Process = process, Address = new Uri(match.Groups[1].Value), Prefix = prefix, AdminKey = adminKey };
                }
            }
            process.Kill();
            throw new InvalidOperationException($"The self-host did not start (is {dll} built? run with -c Release).");
        }

        public void Dispose()
        {
            Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    internal static class Memory
    {
        public readonly record struct Reading(double RssMb, double HwmMb);

        public static Reading Read(int pid)
        {
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kb(line) / 1024;
                }
            }
            return new Reading(rss, hwm);
        }

        private static double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

        /// <summary>Samples RSS every 100 ms; reports the highest seen and the kernel's high-water mark.</summary>
        public sealed class Sampler(int pid) : IDisposable
        {
            private readonly PeakSampler rss = new(() => Read(pid).RssMb);

            public Reading Stop()
            {
                var peak = rss.Stop();
                var now = Read(pid);
                return new Reading(Math.Max(peak, now.RssMb), now.HwmMb);
            }

            public void Dispose() => rss.Dispose();
        }
    }
}
