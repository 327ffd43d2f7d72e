using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SharingHub.Digests;
using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Subscriptions;
using SharingHub.Teams;
using SharingHub.Testing;
using SharingHub.Testing.GraphDouble;

namespace SharingHub.Bench;

/// <summary>
/// One digest round for 357 subscriptions (one per municipality) over 1,000 published stories, against the Graph double
/// answering each post after 100 ms. Case 1: every subscription in its own tenant (bound: 500 posts/s per app → 0.71 s).
/// Case 2: all in one tenant (50/s → 7.1 s). The baseline is the bare GraphServiceClient posting the same 357 messages
/// at exactly the limit, with no composition, storage or queue.
/// </summary>
public sealed class DigestRoundBench : IScenario
{
    private const int StoryCount = 1_000;
    private const int PostDelayMs = 100;

    public string Description => "one digest round: 357 subscriptions, 1,000 stories, Graph double at 100 ms per post";

    public async Task RunAsync(string[] args)
    {
        // The bench has no WebApplicationFactory manifest; the self-host's content root is simply the output folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHARINGHUB_SELFHOST", AppContext.BaseDirectory);
        Console.WriteLine("digest-round: 357 subscriptions, 1,000 published stories, Graph double answers each post after 100 ms");
        await RunCaseAsync("case 1, one tenant per subscription", sharedTenant: false, perSecond: 500);
        await RunCaseAsync("case 2, all subscriptions in one tenant", sharedTenant: true, perSecond: 50);
    }

    private static async Task RunCaseAsync(string name, bool sharedTenant, int perSecond)
    {
        await using var graph = await GraphDouble.StartAsync();
        graph.PostDelay = TimeSpan.FromMilliseconds(PostDelayMs);
        var tokens = new StaticTokenProvider();
        await using var hub = await HubApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Teams:GraphBaseUrl"] = graph.BaseUrl,
                ["Digests:RunWorkers"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Azure.Core"] = "Error",
            },
            services =>
            {
                services.RemoveAll<ITeamsTokenProvider>();
                services.AddSingleton<ITeamsTokenProvider>(tokens);
            });
        var municipalities = ReferenceData.Instance.Municipalities;
        await SeedAsync(hub, graph, municipalities, sharedTenant);

        var round = hub.Services.GetRequiredService<DigestRound>();
        var runner = hub.Services.GetRequiredService<DigestQueueRunner>();
        var signal = hub.Services.GetRequiredService<DeliveryQueueSignal>();
        hub.Clock.Advance(TimeSpan.FromDays(8)); // every weekly cadence has fallen due once since the subscriptions were made
        var started = DateTimeOffset.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var composeTime = TimeSpan.Zero;
        var roundTask = Task.Run(async () =>
        {
            var result = await round.RunOnceAsync(CancellationToken.None);
            composeTime = watch.Elapsed;
            return result;
        });
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
        var result = await roundTask;
        var posts = graph.Posts;
        var posted = posts.Count;
        var firstPost = posts.Min(p => p.ReceivedAt) - started;
        var lastPost = posts.Max(p => p.ReceivedAt) - started;

        var bareTime = await BareGraphAsync(graph, municipalities.Count, perSecond);
        var bound = TimeSpan.FromSeconds((double)municipalities.Count / perSecond);
        Console.WriteLine($"{name}: {result.Enqueued} digests queued, {posted} posted; measured {hubTime.TotalSeconds:F2} s, bound {bound.TotalSeconds:F2} s ({hubTime.TotalSeconds / bound.TotalSeconds:F2}× the bound, target ≤ 1.10); the round (composing, recording, queueing) ended after {composeTime.TotalSeconds:F2} s; posts arrived from {firstPost.TotalSeconds:F2} s to {lastPost.TotalSeconds:F2} s");
        Measure.Report($"  {name}", hubTime, bareTime, target: 1 / 1.1);
        var floor = await QueueFloorAsync(hub, municipalities.Count);
        Console.WriteLine($"  storage floor: {municipalities.Count} queue messages sent, received and deleted with the bare QueueClient on this Azurite: {floor.TotalSeconds:F2} s ({floor.TotalSeconds / bound.TotalSeconds:F2}× the bound)");
    }

    /// <summary>
    /// What one queue message per digest costs on its own, against the same emulator: the least any design that queues
    /// each (subscription, period) as the issue asks can spend besides its posts.
    /// </summary>
    private static async Task<TimeSpan> QueueFloorAsync(HubApp hub, int count)
    {
        var queue = new Azure.Storage.Queues.QueueClient(hub.StorageConnectionString, "floor" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateAsync();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        var time = await Measure.TimeAsync(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) => await queue.SendMessageAsync($"delivery-{i}", ct));
            var received = 0;
            while (received < count)
            {
                var messages = (await queue.ReceiveMessagesAsync(32)).Value;
                received += messages.Length;
                await Parallel.ForEachAsync(messages, parallel, async (m, ct) => await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct));
            }
        });
        await queue.DeleteAsync();
        return time;
    }

    private static async Task SeedAsync(HubApp hub, GraphDouble graph, IReadOnlyList<Municipality> municipalities, bool sharedTenant)
    {
        var connections = hub.Services.GetRequiredService<TeamsConnectionService>();
        var store = hub.Services.GetRequiredService<ISubscriptionStore>();
        var stories = hub.Services.GetRequiredService<StoryService>();
        var now = hub.Clock.GetUtcNow();
        var shared = sharedTenant ? await connections.RegisterAsync("shared", "tenant-shared", null, null, CancellationToken.None) : null;
        await Parallel.ForEachAsync(municipalities.Select((m, i) => (m, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
        {
            var (m, i) = item;
            var connection = shared ?? await connections.RegisterAsync($"c{m.Kommunenummer}", $"tenant-{m.Kommunenummer}", null, m.Kommunenummer, ct);
            graph.AddChannel($"team-{m.Kommunenummer}", "19:digest@thread.tacv2");
            await store.CreateAsync(new SharingHub.Subscriptions.Subscription
            {
                Id = $"sub{m.Kommunenummer}",
                Kommunenummer = m.Kommunenummer,
                ConnectionId = connection.Id,
                TeamId = $"team-{m.Kommunenummer}",
                ChannelId = "19:digest@thread.tacv2",
                Filters = new SubscriptionFilters { Goals = [i % 17 + 1, (i + 5) % 17 + 1, (i + 11) % 17 + 1] },
                Cadence = new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Monday, Hour = 8 },
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }, ct);
        });
        var random = new Random(42);
        var drafts = Enumerable.Range(1, StoryCount).Select(i => new StoryDraft
        {
            Title = $"Tiltak {i}: bærekraftig praksis i kommunen",
            Summary = "Kort oppsummering av hva som ble gjort, hva det kostet og hva andre kan lære av det.",
            Network = "nasjonalt",
            Kommunenummer = municipalities[random.Next(municipalities.Count)].Kommunenummer,
            Goals = [random.Next(1, 18), random.Next(1, 18)],
        }).ToList();
        var options = new NewStoryOptions(StorySources.Import, StoryStatus.Published);
        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (draft, ct) =>
            await stories.CreateAsync(draft with { Goals = draft.Goals!.Distinct().ToList() }, null, ct, options));
    }

    /// <summary>The same number of posts through a bare GraphServiceClient, paced at exactly the limit.</summary>
    private static async Task<TimeSpan> BareGraphAsync(GraphDouble graph, int count, int perSecond)
    {
        using var http = new HttpClient();
        using var client = new GraphServiceClient(http, new AnonymousToken(), graph.BaseUrl);
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond / 10,
            TokensPerPeriod = perSecond / 10,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
        var teams = ReferenceData.Instance.Municipalities.Take(count).Select(m => $"team-{m.Kommunenummer}").ToList();
        return await Measure.TimeAsync(() => Task.WhenAll(teams.Select(async team =>
        {
            using var lease = await limiter.AcquireAsync(1);
            var message = new ChatMessage { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>baseline</p>" } };
            await client.Teams[team].Channels["19:digest@thread.tacv2"].Messages.PostAsync(message);
        })));
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
