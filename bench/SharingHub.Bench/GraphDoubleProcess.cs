using System.Diagnostics;
using System.Globalization;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Bench;

/// <summary>
/// The Graph double in a process of its own, so that what the bench reads of its own process (memory, CPU) is the hub's:
/// the double receives ten thousand posts of 27 KB, and its buffers and garbage are no part of the self-host's memory.
/// The bench talks to it over its standard input and output, a command a line:
/// <c>channel {team} {channel}</c> adds a channel (no answer), <c>sync</c> answers <c>ok</c> once the lines before it
/// are done, <c>posts {unix ms}</c> answers <c>{count} {first unix ms} {last unix ms}</c> for the messages posted since.
/// </summary>
internal sealed class GraphDoubleProcess : IAsyncDisposable
{
    private readonly Process process;

    private GraphDoubleProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts this bench's <c>graph-double</c> scenario, answering each post after <paramref name="postDelay"/>.</summary>
    public static async Task<GraphDoubleProcess> StartAsync(TimeSpan postDelay)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(GraphDoubleProcess).Assembly.Location);
        start.ArgumentList.Add("graph-double");
        start.ArgumentList.Add(((int)postDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("The Graph double's process did not start.");
        var first = await process.StandardOutput.ReadLineAsync();
        if (first is null || !first.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The Graph double's process said '{first}' instead of where it listens.");
        }
        return new GraphDoubleProcess(process, first["listening ".Length..]);
    }

    public Task AddChannelAsync(string teamId, string channelId) => process.StandardInput.WriteLineAsync($"channel {teamId} {channelId}");

    /// <summary>Waits until the double has taken every line written before.</summary>
    public async Task SyncAsync()
    {
        await AskAsync("sync");
    }

    public async Task<(int Count, DateTimeOffset First, DateTimeOffset Last)> PostsSinceAsync(DateTimeOffset since)
    {
        var parts = (await AskAsync($"posts {since.ToUnixTimeMilliseconds()}")).Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture)));
    }

    private async Task<string> AskAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The Graph double's process ended.");
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close(); // the child stops at the end of its input
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>The child's side: the double, driven by the lines on standard input until it ends.</summary>
    public sealed class Child : IScenario
    {
        public string Description => "the Graph double on its own, driven over standard input (digest-round starts it; not a benchmark)";

        public async Task RunAsync(string[] args)
        {
            await using var graph = await GraphDouble.StartAsync();
            graph.PostDelay = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0);
            graph.KeepContent = false; // ten thousand digests' HTML would only fill this process
            Console.WriteLine($"listening {graph.BaseUrl}");
            while (await Console.In.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                switch (parts[0])
                {
                    case "channel":
                        graph.AddChannel(parts[1], parts[2]);
                        break;
                    case "sync":
                        Console.WriteLine("ok");
                        break;
                    case "posts":
                        var since = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
                        var posts = graph.Posts.Where(p => p.ReceivedAt >= since).Select(p => p.ReceivedAt.ToUnixTimeMilliseconds()).ToList();
                        Console.WriteLine(posts.Count == 0 ? "0 0 0" : $"{posts.Count} {posts.Min()} {posts.Max()}");
                        break;
                    default:
                        Console.WriteLine($"unknown command '{parts[0]}'");
                        break;
                }
            }
        }
    }
}
