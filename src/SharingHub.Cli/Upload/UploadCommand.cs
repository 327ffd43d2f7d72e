using System.CommandLine;
using System.Diagnostics;

namespace SharingHub.Cli.Upload;

/// <summary><c>sharinghub upload --webinar &lt;id&gt; --kind recording &lt;file&gt;</c>, with a progress bar; run it again to resume.</summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var webinar = new Option<string>("--webinar") { Description = "The episode's id", Required = true };
        var kind = new Option<string>("--kind") { Description = "recording, slides or captions", Required = true };
        kind.AcceptOnlyFromAmong("recording", "slides", "captions");
        var presentation = new Option<string?>("--presentation") { Description = "The presentation the file belongs to (slides)" };
        var api = new Option<string>("--api")
        {
            Description = "The hub's address (or set SHARINGHUB_API)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SHARINGHUB_API") ?? "http://127.0.0.1:7071",
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "An organiser's API key (or set SHARINGHUB_API_KEY)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SHARINGHUB_API_KEY"),
        };
        var defaults = new UploaderOptions();
        var blockMb = new Option<int>("--block-size-mb") { Description = "Block size in MiB (1–100)", DefaultValueFactory = _ => defaults.BlockSize >> 20 };
        var parallel = new Option<int>("--parallel") { Description = "Blocks in flight at once", DefaultValueFactory = _ => defaults.Parallelism };
        var file = new Argument<FileInfo>("file") { Description = "The file to upload" };

        var command = new Command("upload", "Upload a recording, slides or captions to a webinar episode") { webinar, kind, presentation, api, apiKey, blockMb, parallel, file };
        command.SetAction(async (result, ct) =>
        {
            var blockSize = Math.Clamp(result.GetValue(blockMb), 1, 100) * 1024 * 1024;
            using var http = new HttpClient { BaseAddress = new Uri(result.GetValue(api)!), Timeout = TimeSpan.FromMinutes(5) };
            if (result.GetValue(apiKey) is { Length: > 0 } key)
            {
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
            }
            var uploader = new Uploader(http, new UploaderOptions { BlockSize = blockSize, Parallelism = Math.Clamp(result.GetValue(parallel), 1, 64) });
            var request = new UploadRequest(result.GetValue(webinar)!, result.GetValue(kind)!, result.GetValue(file)!.FullName, result.GetValue(presentation));
            try
            {
                var outcome = await uploader.UploadAsync(request, new ProgressBar(), ct);
                Console.Error.WriteLine();
                var accepted = outcome.Status is "available" or "verifying";
                Console.WriteLine(accepted
                    ? $"Uploaded: asset {outcome.AssetId} passed the hub's checks ({outcome.BlocksSent} blocks sent, {outcome.BlocksSkipped} already there); " +
                      (outcome.Status == "available" ? "it is available." : "it becomes available as soon as the hub has computed its hash.")
                    : $"The hub rejected asset {outcome.AssetId}: {outcome.Reason}");
                return accepted ? 0 : 2;
            }
            catch (UploadFailedException ex)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine("Interrupted. Run the same command again to resume.");
                return 130;
            }
        });
        return command;
    }

    /// <summary>One line on stderr, redrawn in place: "[#######.............]  35%  1400/4000 MB  92 MB/s".</summary>
    private sealed class ProgressBar : IProgress<UploadProgress>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private long firstBytes = -1;

        public void Report(UploadProgress value)
        {
            if (firstBytes < 0)
            {
                firstBytes = value.BytesDone;
            }
            var fraction = value.TotalBytes == 0 ? 1 : (double)value.BytesDone / value.TotalBytes;
            var filled = (int)(fraction * 30);
            var rate = (value.BytesDone - firstBytes) / Math.Max(0.001, watch.Elapsed.TotalSeconds) / 1e6;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction,4:P0}  {value.BytesDone / 1e6:F0}/{value.TotalBytes / 1e6:F0} MB  {rate:F0} MB/s  ");
        }
    }
}
