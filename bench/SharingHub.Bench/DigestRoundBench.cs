using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SharingHub.Digests;
using SharingHub.Reference;
using SharingHub.Search;
using SharingHub.Stories;
using SharingHub.Subscriptions;
using SharingHub.Teams;
using SharingHub.Testing;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Bench;

/// <summary>
/// One digest round against the Graph double answering each post after 100 ms, timed from the start of the round to
/// the last recorded delivery, with the delivery worker running alongside as the self-host runs it. Cases:
/// 1. 357 subscriptions (one per municipality), each in its own tenant, over 1,000 stories: bound 357 / 500 per second.
/// 2. The same 357 in one shared tenant: bound 357 / 50 per second.
/// 3. 10,000 subscriptions over 2,000 tenants (five channels each) and 5,000 stories: bound 10,000 / 500 per second.
/// Beside each: a bare GraphServiceClient posting as many messages paced at the bound, the storage floor (as many queue
/// messages sent, received and deleted with a bare QueueClient), the storage calls the hub made, and this process's
/// memory: the hub's, run with the self-host's garbage collector (server GC, see the project file). The Graph double and
/// Azurite are processes of their own.
/// </summary>
public sealed class DigestRoundBench : IScenario
{
    private const int PostDelayMs = 100;
    private const int AppPerSecond = 500;
    private const int TenantPerSecond = 50;
    private const int ChannelPerSecond = 4;

    private sealed record Case(int Number, string Name, int Subscriptions, int Tenants, int Stories, double Target, bool AgainstFloor);

    private static readonly Case[] Cases =
    [
        new(1, "one tenant per subscription", 357, 357, 1_000, 1.5, AgainstFloor: false),
        new(2, "all subscriptions in one tenant", 357, 1, 1_000, 1.1, AgainstFloor: false),
        new(3, "10,000 subscriptions over 2,000 tenants", 10_000, 2_000, 5_000, 1.5, AgainstFloor: true),
    ];

    public string Description => "one digest round per case (357 subscriptions a tenant each, 357 in one tenant, 10,000 over 2,000 tenants); options --case N, --steps, --count, --scale F, --cold";

    public async Task RunAsync(string[] args)
    {
        // The bench has no WebApplicationFactory manifest; the self-host's content root is simply the output folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHARINGHUB_SELFHOST", AppContext.BaseDirectory);
        var only = Option(args, "--case") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var scale = Option(args, "--scale") is { } f ? double.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : 1.0;
        var steps = args.Contains("--steps");
        var count = args.Contains("--count");
        var cold = args.Contains("--cold");
        Console.WriteLine($"digest-round: Graph double answers each post after {PostDelayMs} ms; limits {AppPerSecond}/s per app, {TenantPerSecond}/s per tenant, {ChannelPerSecond}/s per channel; {Environment.ProcessorCount} cores; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        foreach (var c in Cases.Where(c => only is null || c.Number == only))
        {
            var scaled = scale == 1.0 ? c : c with
            {
                Subscriptions = Math.Max(1, (int)(c.Subscriptions * scale)),
                Tenants = Math.Max(1, (int)(c.Tenants * scale)),
                Stories = Math.Max(1, (int)(c.Stories * scale)),
            };
            await RunCaseAsync(scaled, steps, count, cold);
        }
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <param name="steps">The round alone, then the worker alone, instead of both at once.</param>
    /// <param name="count">Counts the hub's storage calls. That needs the SDK's request events, which slow every call (see
    /// Storage:SdkRequestLogging), so the times of such a run are not the figures.</param>
    /// <param name="cold">Times the process's first round. Without it a small round runs first, as rounds before this one
    /// would have in a self-host that runs every hour, so that the first post does not wait for code loaded once.</param>
    private static async Task RunCaseAsync(Case c, bool steps, bool count, bool cold)
    {
        await using var graph = await GraphDoubleProcess.StartAsync(TimeSpan.FromMilliseconds(PostDelayMs));
        var tokens = new StaticTokenProvider();
        await using var hub = await HubApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Teams:GraphBaseUrl"] = graph.BaseUrl,
                ["Digests:RunWorkers"] = "false",
                ["Search:RunIndexer"] = "false", // the stories seeded here would otherwise be indexed during the round
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Azure.Core"] = "Error",
                ["Logging:LogLevel:SharingHub.Digests.DigestRound"] = "Information", // its steps' times
                ["Storage:SdkRequestLogging"] = count ? "true" : "false",
            },
            services =>
            {
                services.RemoveAll<ITeamsTokenProvider>();
                services.AddSingleton<ITeamsTokenProvider>(tokens);
                services.RemoveAll<ISearchNoticeQueue>();
                services.AddSingleton<ISearchNoticeQueue, NoSearchNotices>();
            });
        var floor = await QueueFloorAsync(c.Subscriptions);
        if (!cold)
        {
            await WarmUpAsync(hub, graph);
        }
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var channels = await SeedAsync(hub, graph, c);
        var title = $"case {c.Number}, {c.Name}";
        Console.WriteLine($"{title}: {c.Subscriptions} subscriptions, {c.Tenants} tenants, {c.Stories} published stories (seeded in {seeding.Elapsed.TotalSeconds:F1} s)");

        var round = hub.Services.GetRequiredService<DigestRound>();
        var runner = hub.Services.GetRequiredService<DigestQueueRunner>();
        var signal = hub.Services.GetRequiredService<DeliveryQueueSignal>();
        hub.Clock.Advance(TimeSpan.FromDays(8)); // every weekly cadence has fallen due once since the subscriptions were made
        // Seeding ten thousand subscriptions and five thousand stories through the hub, sixteen at a time, grew the heap
        // just before the round; a self-host's subscriptions came over weeks, and between hourly rounds the collector
        // gives back what it no longer needs. An aggressive collection does that now, so the round starts from there.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var idle = UploadBench.Memory.Read(Environment.ProcessId);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        using var calls = new StorageCalls(hub.Prefix);
        if (count)
        {
            calls.Start();
        }
        using var sampler = new UploadBench.Memory.Sampler(Environment.ProcessId);
        using var doubleSampler = new UploadBench.Memory.Sampler(graph.ProcessId);
        // The most the collector held committed after any collection during the round.
        using var committed = new PeakSampler(() => GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes / 1e6);
        var cpuBefore = ProcessCpu.Read();
        var doubleCpuBefore = ProcessCpu.Of(graph.ProcessId);
        var load = LoadAverage();
        var started = DateTimeOffset.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var roundTime = TimeSpan.Zero;
        var roundTask = Task.Run(async () =>
        {
            var result = await round.RunOnceAsync(CancellationToken.None);
            roundTime = watch.Elapsed;
            return result;
        });
        var roundCalls = 0;
        var roundAllocated = 0.0;
        if (steps)
        {
            // Each on its own: the round alone, then the worker alone, to see which of them the time goes to.
            await roundTask;
            roundCalls = calls.Total;
            roundAllocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6;
        }
        // The delivery worker as the self-host runs it: woken by the round's first queued message, draining as they come.
        while (true)
        {
            var done = roundTask.IsCompleted;
            var queued = signal.Next;
            await runner.DrainAsync(CancellationToken.None);
            if (done)
            {
                break;
            }
            await Task.WhenAny(queued, roundTask);
        }
        var hubTime = watch.Elapsed;
        var cpu = ProcessCpu.Read() - cpuBefore;
        var doubleCpu = ProcessCpu.Of(graph.ProcessId) - doubleCpuBefore;
        var peak = sampler.Stop();
        var doublePeak = doubleSampler.Stop();
        var committedPeak = committed.Stop();
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6;
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        var largeObjects = GC.GetGCMemoryInfo().GenerationInfo[3].SizeAfterBytes / 1e6;
        var counted = calls.Snapshot();
        calls.Dispose(); // the bare baselines below are not counted
        var result = await roundTask;
        var posts = await graph.PostsSinceAsync(started); // not the warm-up's
        var firstPost = posts.Count > 0 ? posts.First - started : TimeSpan.Zero;
        var lastPost = posts.Count > 0 ? posts.Last - started : TimeSpan.Zero;

        var managedPeak = GC.GetGCMemoryInfo().HeapSizeBytes / 1e6;
        var retained = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        Console.WriteLine($"  hub: {hubTime.TotalSeconds:F2} s for {posts.Count} posts (the baselines follow); managed heap at the end {managedPeak:F0} MB, {retained:F0} MB of it still reachable");
        var bound = Bound(c, channels);
        var bareTime = await BareGraphAsync(graph, channels, c.Subscriptions / bound.TotalSeconds);
        var reference = c.AgainstFloor && floor > bound ? floor : bound;
        var ratio = hubTime.TotalSeconds / reference.TotalSeconds;
        Console.WriteLine($"  {result.Enqueued} digests queued, {posts.Count} posted; measured {hubTime.TotalSeconds:F2} s | Graph's bound {bound.TotalSeconds:F2} s | storage floor {floor.TotalSeconds:F2} s (taken first, on a fresh emulator of its own) | bare Graph client at the bound {bareTime.TotalSeconds:F2} s");
        Console.WriteLine($"  {ratio:F2}× the {(reference == floor ? "storage floor" : "bound")} (target ≤ {c.Target:F1}× {(c.AgainstFloor ? "the larger of bound and floor" : "the bound")}) {(ratio <= c.Target ? "OK" : "ABOVE TARGET")}");
        Console.WriteLine(steps
            ? $"  steps, one after the other: the round alone {roundTime.TotalSeconds:F2} s ({roundCalls} storage calls counted, {roundAllocated:F0} MB allocated), then the worker alone {(hubTime - roundTime).TotalSeconds:F2} s ({counted.Values.Sum() - roundCalls} calls, {allocated - roundAllocated:F0} MB allocated)"
            : $"  the round (composing, recording, queueing) ended after {roundTime.TotalSeconds:F2} s; posts arrived from {firstPost.TotalSeconds:F2} s to {lastPost.TotalSeconds:F2} s");
        if (lastPost > hubTime + TimeSpan.FromMilliseconds(100))
        {
            // The double stamps posts with the wall clock, the hub's time is a stopwatch: a clock step between them shows here.
            Console.WriteLine($"  WARNING: the last post arrived {(lastPost - hubTime).TotalSeconds:F2} s after the hub was done by the stopwatch; the wall clock moved, do not trust this run");
        }
        Console.WriteLine(!count ? "  storage calls: not counted (--count counts them, at a cost to the times)" : $"  storage calls: {counted.Values.Sum()} ({(double)counted.Values.Sum() / Math.Max(1, result.Enqueued):F2} per digest): {string.Join(", ", counted.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"))}");
        Console.WriteLine($"  the hub (this process; the Graph double and Azurite run apart): RSS before the round {idle.RssMb:F0} MB, peak during it {peak.RssMb:F0} MB (target < 500 MB) {(peak.RssMb < 500 ? "OK" : "ABOVE TARGET")}; the Graph double's peak {doublePeak.RssMb:F0} MB");
        Console.WriteLine($"  the hub's garbage-collected heap: at most {committedPeak:F0} MB committed during the round (after any collection); the rest of its RSS is the runtime, code and native buffers");
        Console.WriteLine($"  CPU spent during the round: the hub {cpu.HubSeconds:F1} s, Azurite {cpu.AzuriteSeconds:F1} s, the Graph double {doubleCpu:F1} s (of {hubTime.TotalSeconds * Environment.ProcessorCount:F1} core-seconds; load average at the start {load})");
        Console.WriteLine($"  allocated by the hub during the round {allocated:F0} MB ({allocated * 1000 / Math.Max(1, posts.Count):F0} KB per post); collections gen0/gen1/gen2 {collections}; large object heap after the last {largeObjects:F0} MB");
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// Graph's bound for these posts: the slowest of the app's, the busiest tenant's and the busiest channel's limit.
    /// </summary>
    private static TimeSpan Bound(Case c, IReadOnlyList<Target> channels)
    {
        var app = (double)c.Subscriptions / AppPerSecond;
        var tenant = channels.GroupBy(t => t.Tenant).Max(g => g.Count()) / (double)TenantPerSecond;
        var channel = channels.GroupBy(t => (t.Team, t.Channel)).Max(g => g.Count()) / (double)ChannelPerSecond;
        return TimeSpan.FromSeconds(Math.Max(app, Math.Max(tenant, channel)));
    }

    /// <summary>
    /// What one queue message per digest costs on its own: the least a design that queues each (subscription, period) in
    /// a message of its own spends besides its posts. Taken on an emulator of its own, started for it and stopped after:
    /// Azurite keeps every message's body as an extent, and its collector later removes the deleted ones in one
    /// synchronous sweep whose cost grows with their number times the extents left; ten thousand of the floor's messages
    /// swept from the hub's emulator stall it for minutes in the middle of the round.
    /// </summary>
    private static async Task<TimeSpan> QueueFloorAsync(int count)
    {
        await using var azurite = await SharingHub.SelfHost.Azurite.AzuriteProcess.StartAsync(dataDirectory: null, CancellationToken.None);
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, "floor" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateAsync();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        var time = await Measure.TimeAsync(async () =>
        {
            // Received and deleted while they are still being sent, as a worker beside the round does: Azurite's queue
            // slows down as it fills, and a floor taken on a full queue would be no floor.
            var sending = Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) => await queue.SendMessageAsync($"delivery-{i}", ct));
            var deleting = new List<Task>();
            var received = 0;
            while (received < count)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value;
                if (messages.Length == 0)
                {
                    await Task.WhenAny(sending, Task.Delay(5));
                    continue;
                }
                received += messages.Length;
                deleting.Add(Parallel.ForEachAsync(messages, parallel, async (m, ct) => await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct)));
            }
            await sending;
            await Task.WhenAll(deleting);
        });
        await queue.DeleteAsync();
        return time;
    }

    private sealed record Target(string Tenant, string Team, string Channel);

    /// <summary>
    /// A round of four subscriptions in a tenant of their own, delivered and then deleted: what earlier rounds leave a
    /// long-running self-host (code loaded and compiled, clients connected). Its stories are older than any case's window.
    /// </summary>
    private static async Task WarmUpAsync(HubApp hub, GraphDoubleProcess graph)
    {
        var connection = await hub.Services.GetRequiredService<TeamsConnectionService>().RegisterAsync("warm", "tenant-warm", null, null, CancellationToken.None);
        var store = hub.Services.GetRequiredService<ISubscriptionStore>();
        var now = hub.Clock.GetUtcNow();
        var ids = Enumerable.Range(0, 4).Select(i => $"warm{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await graph.AddChannelAsync("team-warm", $"19:{id}@thread.tacv2");
            await store.CreateAsync(new SharingHub.Subscriptions.Subscription
            {
                Id = id,
                Kommunenummer = ReferenceData.Instance.Municipalities[i].Kommunenummer,
                ConnectionId = connection.Id,
                TeamId = "team-warm",
                ChannelId = $"19:{id}@thread.tacv2",
                Filters = new SubscriptionFilters { Goals = [i + 1, i + 2] },
                Cadence = new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Monday, Hour = 8 },
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }, CancellationToken.None);
        }
        var stories = hub.Services.GetRequiredService<StoryService>();
        for (var i = 0; i < 8; i++)
        {
            await stories.CreateAsync(
                new StoryDraft { Title = $"Oppvarming {i}", Summary = "Oppvarming.", Network = "nasjonalt", Kommunenummer = ReferenceData.Instance.Municipalities[i].Kommunenummer, Goals = [i % 5 + 1] },
                null, CancellationToken.None, new NewStoryOptions(StorySources.Import, StoryStatus.Published));
        }
        await graph.SyncAsync();
        var since = DateTimeOffset.UtcNow;
        hub.Clock.Advance(TimeSpan.FromDays(8));
        await hub.Services.GetRequiredService<DigestRound>().RunOnceAsync(CancellationToken.None);
        await hub.Services.GetRequiredService<DigestQueueRunner>().DrainAsync(CancellationToken.None);
        foreach (var id in ids)
        {
            await store.DeleteAsync(id, CancellationToken.None);
        }
        Console.WriteLine($"  warm-up round: {(await graph.PostsSinceAsync(since)).Count} posts (not counted; --cold skips it)");
    }

    /// <summary>
    /// Subscription i posts to its own channel in the team of tenant i mod tenants, with three goals; each tenant has one
    /// Teams connection. Stories are published across the municipalities, two goals each.
    /// </summary>
    private static async Task<IReadOnlyList<Target>> SeedAsync(HubApp hub, GraphDoubleProcess graph, Case c)
    {
        var municipalities = ReferenceData.Instance.Municipalities;
        var connections = hub.Services.GetRequiredService<TeamsConnectionService>();
        var store = hub.Services.GetRequiredService<ISubscriptionStore>();
        var stories = hub.Services.GetRequiredService<StoryService>();
        var now = hub.Clock.GetUtcNow();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        var tenants = new TeamsConnection[c.Tenants];
        await Parallel.ForEachAsync(Enumerable.Range(0, c.Tenants), parallel, async (t, ct) =>
            tenants[t] = await connections.RegisterAsync($"c{t:D5}", $"tenant-{t:D5}", null, null, ct));
        var targets = Enumerable.Range(0, c.Subscriptions)
            .Select(i => new Target($"tenant-{i % c.Tenants:D5}", $"team-{i % c.Tenants:D5}", $"19:c{i:D5}@thread.tacv2"))
            .ToList();
        foreach (var target in targets)
        {
            await graph.AddChannelAsync(target.Team, target.Channel);
        }
        await graph.SyncAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, c.Subscriptions), parallel, async (i, ct) =>
            await store.CreateAsync(new SharingHub.Subscriptions.Subscription
            {
                Id = $"sub{i:D5}",
                Kommunenummer = municipalities[i % municipalities.Count].Kommunenummer,
                ConnectionId = tenants[i % c.Tenants].Id,
                TeamId = targets[i].Team,
                ChannelId = targets[i].Channel,
                Filters = new SubscriptionFilters { Goals = [i % 17 + 1, (i + 5) % 17 + 1, (i + 11) % 17 + 1] },
                Cadence = new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Monday, Hour = 8 },
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }, ct));
        var random = new Random(42);
        var drafts = Enumerable.Range(1, c.Stories).Select(i => new StoryDraft
        {
            Title = $"Tiltak {i}: bærekraftig praksis i kommunen",
            Summary = "Kort oppsummering av hva som ble gjort, hva det kostet og hva andre kan lære av det.",
            Network = "nasjonalt",
            Kommunenummer = municipalities[random.Next(municipalities.Count)].Kommunenummer,
            Goals = [random.Next(1, 18), random.Next(1, 18)],
        }).ToList();
        var options = new NewStoryOptions(StorySources.Import, StoryStatus.Published);
        await Parallel.ForEachAsync(drafts, parallel, async (draft, ct) =>
            await stories.CreateAsync(draft with { Goals = draft.Goals!.Distinct().ToList() }, null, ct, options));
        return targets;
    }

    /// <summary>The same number of posts through a bare GraphServiceClient, paced at the bound's rate (no storage, no composition).</summary>
    private static async Task<TimeSpan> BareGraphAsync(GraphDoubleProcess graph, IReadOnlyList<Target> targets, double perSecond)
    {
        using var http = new HttpClient();
        using var client = new GraphServiceClient(http, new AnonymousToken(), graph.BaseUrl);
        var tenth = Math.Max(1, (int)Math.Round(perSecond / 10));
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tenth,
            TokensPerPeriod = tenth,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
        using var inFlight = new SemaphoreSlim(256);
        return await Measure.TimeAsync(() => Task.WhenAll(targets.Select(async target =>
        {
            using var lease = await limiter.AcquireAsync(1);
            await inFlight.WaitAsync();
            try
            {
                var message = new ChatMessage { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>baseline</p>" } };
                await client.Teams[target.Team].Channels[target.Channel].Messages.PostAsync(message);
            }
            finally
            {
                inFlight.Release();
            }
        })));
    }

    /// <summary>
    /// The seeded stories' search notices, dropped: with the indexer off (it would compete with the round for the CPU)
    /// they would stay on the emulator's queue, and Azurite re-sorts every queue's messages on each receive and delete,
    /// so five thousand of them would slow the round's own queue calls. A running self-host's indexer takes them within
    /// seconds.
    /// </summary>
    private sealed class NoSearchNotices : ISearchNoticeQueue
    {
        public Task SendAsync(SearchNotice notice, CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<QueuedNotice>> ReceiveAsync(int max, TimeSpan lease, CancellationToken ct) => Task.FromResult<IReadOnlyList<QueuedNotice>>([]);

        public Task DeleteAsync(QueuedNotice message, CancellationToken ct) => Task.CompletedTask;

        public Task MoveToPoisonAsync(QueuedNotice message, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class AnonymousToken : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer bench");
            return Task.CompletedTask;
        }
    }
}
