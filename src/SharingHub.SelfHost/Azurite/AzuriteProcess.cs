using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SharingHub.SelfHost.Azurite;

/// <summary>
/// Runs the real Azure Storage emulator (the npm package pinned in tools/azurite) as a child process on free ports.
/// The self-host uses it when no storage is configured; the tests and benchmarks use it with in-memory persistence.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // The well-known development account every Azure SDK accepts against the emulator; not a secret.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex Listening();

    /// <param name="dataDirectory">Where Azurite keeps its data between runs; null keeps everything in memory.</param>
    public static async Task<AzuriteProcess> StartAsync(string? dataDirectory, CancellationToken ct, string? azuriteDirectory = null)
    {
        var script = await AzuriteInstall.EnsureAsync(azuriteDirectory ?? AzuriteInstall.FindDirectory(), ct);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--skipApiVersionCheck", "--disableProductStyleUrl", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(Path.Combine(dataDirectory, "debug.log"));
            StopOrphan(dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node. Is Node.js installed and on PATH?");
        var ports = new Dictionary<string, int>();
        var output = new System.Text.StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (ports.Count < 3)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"Azurite exited before it was ready: {output}{await process.StandardError.ReadToEndAsync(ct)}");
                output.AppendLine(line);
                if (Listening().Match(line) is { Success: true } match)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
        // Keep draining its output so that the pipe never fills and blocks the emulator.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (dataDirectory is not null)
        {
            await File.WriteAllTextAsync(PidFile(dataDirectory), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
    }

    private static string PidFile(string dataDirectory) => Path.Combine(dataDirectory, "azurite.pid");

    /// <summary>A self-host killed hard leaves its Azurite running on the same data folder; two on one folder corrupt it.</summary>
    private static void StopOrphan(string dataDirectory)
    {
        var pidFile = PidFile(dataDirectory);
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid))
        {
            return;
        }
        try
        {
            using var orphan = Process.GetProcessById(pid);
            if (orphan.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase))
            {
                orphan.Kill(entireProcessTree: true);
                orphan.WaitForExit(5_000);
            }
        }
        catch (ArgumentException)
        {
            // not running any more
        }
        File.Delete(pidFile);
    }
}
