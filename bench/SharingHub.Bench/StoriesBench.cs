using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Audit;
using SharingHub.Stories;
using SharingHub.Testing;

namespace SharingHub.Bench;

/// <summary>
/// Issue 2's three measurements, hub and bare SDK side by side against one Azurite:
/// (a) POST /api/stories vs writing the same entities with a bare TableClient at the same concurrency;
/// (b) POST /api/stories/import vs bare batched transactions of the same entities;
/// (c) a one-facet listing at 10,000 stories vs a full-table scan.
/// Options: --n 400 (stories for a and b), --stories 10000 (for c), --concurrency 16, --only api|import|listing.
/// </summary>
public sealed class StoriesBench : IScenario
{
    private static readonly string[] Kommuner = ["5001", "5055", "5025", "5007", "5006", "3203", "1508", "1506", "0301", "4601"];
    private static readonly string[] Sectors = ["school", "library", "kindergarten", "health", "technical"];

    public string Description => "stories: API post, import and one-facet listing vs the bare Table SDK";

    public async Task RunAsync(string[] args)
    {
        var n = Option(args, "--n", 400);
        var listingSize = Option(args, "--stories", 10_000);
        var concurrency = Option(args, "--concurrency", 16);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        UseSelfHostContentRoot();
        var connection = await SharedAzurite.ConnectionStringAsync();
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Azure"] = "Error" };
        Console.WriteLine($"stories bench: n={n}, listing over {listingSize}, concurrency {concurrency}, {Environment.ProcessorCount} cores");

        if (only is null or "api")
        {
            await ApiAsync(connection, quiet, n, concurrency);
        }
        if (only is null or "import")
        {
            await ImportAsync(connection, quiet, n);
        }
        if (only is null or "listing")
        {
            await ListingAsync(connection, quiet, listingSize);
        }
    }

    private static async Task ApiAsync(string connection, Dictionary<string, string?> settings, int n, int concurrency)
    {
        // Best of three rounds each, alternating, so that neither side profits from a warmer emulator.
        var hubBest = TimeSpan.MaxValue;
        var bareBest = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            await using (var hub = await HubApp.StartAsync(settings))
            {
                var client = hub.CreateClient();
                await PostAsync(client, Drafts(5, round), concurrency); // warm-up: JIT, connection pool, network cache
                var drafts = Drafts(n, round + 10);
                hubBest = Min(hubBest, await Measure.TimeAsync(() => PostAsync(client, drafts, concurrency)));
            }
            var tables = await BareTablesAsync(connection);
            var stories = Drafts(n, round + 20).Select(d => ToStory(d, StorySources.Api, StoryStatus.Draft)).ToList();
            await WriteOneByOneAsync(tables, Drafts(5, round + 30).Select(d => ToStory(d, StorySources.Api, StoryStatus.Draft)).ToList(), concurrency);
            bareBest = Min(bareBest, await Measure.TimeAsync(() => WriteOneByOneAsync(tables, stories, concurrency)));
        }
        Measure.Report($"(a) POST /api/stories ×{n}, {concurrency} at a time", hubBest, bareBest, 0.8);
    }

    private static async Task ImportAsync(string connection, Dictionary<string, string?> settings, int n)
    {
        var hubBest = TimeSpan.MaxValue;
        var bareBest = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            await using (var hub = await HubApp.StartAsync(settings))
            {
                var client = hub.CreateClient();
                await PostImportAsync(client, Csv(Drafts(5, round)));
                var csv = Csv(Drafts(n, round + 10));
                hubBest = Min(hubBest, await Measure.TimeAsync(() => PostImportAsync(client, csv)));
            }
            var tables = await BareTablesAsync(connection);
            var stories = Drafts(n, round + 20).Select(d => ToStory(d, StorySources.Import, StoryStatus.Submitted)).ToList();
            bareBest = Min(bareBest, await Measure.TimeAsync(() => WriteBatchedAsync(tables, stories)));
        }
        Measure.Report($"(b) POST /api/stories/import, {n} CSV rows", hubBest, bareBest, 0.8);
    }

    private static async Task ListingAsync(string connection, Dictionary<string, string?> settings, int size)
    {
        await using var hub = await HubApp.StartAsync(settings);
        var client = hub.CreateClient();
        var tables = BareTables.For(connection, hub.Prefix);
        var seed = Measure.TimeAsync(() => WriteBatchedAsync(tables, Drafts(size, 99).Select((d, i) =>
            ToStory(d, StorySources.Import, StoryStatus.Published, DateTimeOffset.UtcNow.AddMinutes(-i))).ToList()));
        Console.WriteLine($"    seeded {size} published stories in {(await seed).TotalSeconds:F1} s");

        // What a reader asks for: the newest page of published stories of one municipality (which holds a tenth of
        // them), at the API's default page size and at a large one.
        var kommune = Kommuner[0];
        foreach (var limit in new[] { 20, 100 })
        {
            await ListingAtAsync(client, tables, size, kommune, limit);
        }
    }

    private static async Task ListingAtAsync(HttpClient client, BareTables tables, int size, string kommune, int limit)
    {
        List<string> listed = [], scanned = [];
        async Task Listing()
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/stories?kommune={kommune}&limit={limit}");
            listed = [.. page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
        }
        async Task Scan()
        {
            // What a design without index rows must do: read every story and keep the newest that match.
            var matches = new List<Story>();
            await foreach (var row in tables.Main.QueryAsync<TableEntity>())
            {
                var story = StoryEntities.FromMain(row);
                if (story.Status == StoryStatus.Published && story.Kommunenummer == kommune)
                {
                    matches.Add(story);
                }
            }
            scanned = [.. matches.OrderByDescending(s => s.SortTime).ThenBy(s => s.Id, StringComparer.Ordinal).Take(limit).Select(s => s.Id)];
        }
        await Listing();
        await Scan();
        var hubBest = TimeSpan.MaxValue;
        var scanBest = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            hubBest = Min(hubBest, await Measure.TimeAsync(Listing));
            scanBest = Min(scanBest, await Measure.TimeAsync(Scan));
        }
        if (listed.Count != limit || !listed.SequenceEqual(scanned))
        {
            throw new InvalidOperationException($"the listing and the scan disagree on the newest {limit} stories of kommune {kommune}");
        }
        Measure.Report($"(c) GET /api/stories?kommune={kommune}&limit={limit} at {size} stories vs full-table scan", hubBest, scanBest, 10);

        // Where the listing's time goes: the one partition query, and the point reads that re-check each hit.
        var partition = StoryEntities.IndexPartition(StoryStatus.Published, StoryFacets.Kommune, kommune);
        var query = await Measure.TimeAsync(async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            var count = 0;
            await foreach (var _ in tables.Index(partition).QueryAsync<TableEntity>(filter, maxPerPage: limit))
            {
                if (++count == limit)
                {
                    break;
                }
            }
        });
        var reads = await Measure.TimeAsync(() => Task.WhenAll(listed.Select(id => tables.Main.GetEntityAsync<TableEntity>(id, StoryEntities.MainRowKey(id)))));
        Console.WriteLine($"    bare parts of that listing: partition query {query.TotalMilliseconds:F0} ms, {limit} point reads {reads.TotalMilliseconds:F0} ms");
    }

    private sealed record BareTables(TableClient Main, IReadOnlyDictionary<string, TableClient> IndexTables, TableClient Keys, TableClient Audit)
    {
        public TableClient Index(string partitionKey) => IndexTables[StoryEntities.IndexTableOf(partitionKey)];

        public static BareTables For(string connection, string prefix) => new(
            new TableClient(connection, prefix + StoryEntities.MainTable),
            StoryEntities.IndexTables.ToDictionary(t => t, t => new TableClient(connection, prefix + t)),
            new TableClient(connection, prefix + StoryEntities.KeyTable),
            new TableClient(connection, prefix + TableAuditLog.TableName));
    }

    private static async Task<BareTables> BareTablesAsync(string connection)
    {
        var tables = BareTables.For(connection, "b" + Guid.NewGuid().ToString("N")[..12]);
        await Task.WhenAll(tables.IndexTables.Values.Append(tables.Main).Append(tables.Keys).Append(tables.Audit).Select(t => t.CreateIfNotExistsAsync()));
        return tables;
    }

    /// <summary>The bare equivalent of N API posts: the natural key, the main row, then its index rows, story by story.</summary>
    private static Task WriteOneByOneAsync(BareTables tables, IReadOnlyList<Story> stories, int concurrency) =>
        Parallel.ForEachAsync(stories, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (story, ct) =>
        {
            if (story.SourceId is not null)
            {
                await tables.Keys.AddEntityAsync(StoryEntities.SourceKey(story.Source, story.Network, story.SourceId, story.Id), ct);
            }
            await tables.Main.AddEntityAsync(StoryEntities.Main(story), ct);
            await Task.WhenAll(StoryEntities.Index(story).Select(row => tables.Index(row.PartitionKey).UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
            // The hub appends every change to the audit trail (two rows); the same entities belong on this side.
            await Task.WhenAll(TableAuditLog.Rows(new AuditEntry
            {
                Id = TableAuditLog.NewId(),
                At = DateTimeOffset.UtcNow,
                Caller = "key:bench",
                CallerName = "Bootstrap admin key",
                Roles = ["admin"],
                Action = "POST /api/stories/",
                Entity = $"stories/{story.Id}",
                Status = 201,
                Address = "127.0.0.1",
            }).Select(row => tables.Audit.AddEntityAsync(row, ct)));
        });

    /// <summary>The bare equivalent of an import: natural keys and index rows in transactions per partition, main rows one by one.</summary>
    private static async Task WriteBatchedAsync(BareTables tables, IReadOnlyList<Story> stories)
    {
        var keys = stories.Select(s => StoryEntities.SourceKey(s.Source, s.Network, s.SourceId!, s.Id)).ToList();
        await BatchAsync(_ => tables.Keys, keys, TableTransactionActionType.Add, 16);
        await Parallel.ForEachAsync(stories, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (story, ct) => await tables.Main.AddEntityAsync(StoryEntities.Main(story), ct));
        await BatchAsync(tables.Index, stories.SelectMany(StoryEntities.Index).ToList(), TableTransactionActionType.UpsertReplace, 16);
    }

    private static Task BatchAsync(Func<string, TableClient> tableFor, IReadOnlyList<TableEntity> entities, TableTransactionActionType action, int concurrency) =>
        Parallel.ForEachAsync(entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (batch, ct) => await tableFor(batch[0].PartitionKey).SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(action, e)), ct));

    private static Task PostAsync(HttpClient client, IReadOnlyList<StoryDraft> drafts, int concurrency) =>
        Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (draft, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/stories", draft, HubJson.Options, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/stories answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });

    private static async Task PostImportAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync("/api/stories/import", content);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.StatusCode != HttpStatusCode.OK || report.GetProperty("failed").GetInt32() > 0)
        {
            throw new InvalidOperationException($"import answered {response.StatusCode}: {report}");
        }
    }

    /// <summary>Tour de Trøndelag-like stories: distinct source ids, a spread of municipalities, sectors and goals.</summary>
    private static List<StoryDraft> Drafts(int count, int seed) => [.. Enumerable.Range(0, count).Select(i => new StoryDraft
    {
        SourceId = $"bench-{seed}-{i}",
        Title = $"Tour de Trøndelag {seed}.{i}: overskuddsmat blir smoothie",
        Summary = "Elevene driver skolekafeen med overskuddsfrukt fra en lokal butikk og komposterer matavfallet.",
        Body = "Markdown **tekst** om tiltaket, med nok innhold til å ligne en ekte historie. " + new string('x', 600),
        Kommunenummer = Kommuner[i % Kommuner.Length],
        Network = "nasjonalt",
        Organisation = "Landøya skole",
        Sector = Sectors[i % Sectors.Length],
        Goals = [12, 4],
        Targets = ["12.3", "12.5", "4.7"],
        Novelty = "new",
        Resources = "small",
        Recipe = ["Avtal henting av overskuddsfrukt", "Lag en enkel meny", "Kompostér resten"],
        Contact = new ContactPerson("Kari Nordmann", "kari@example.no"),
    })];

    private static Story ToStory(StoryDraft draft, string source, StoryStatus status, DateTimeOffset? at = null)
    {
        var errors = new ValidationErrors();
        var content = StoryValidator.Validate(draft, errors);
        errors.ThrowIfAny();
        var now = at ?? DateTimeOffset.UtcNow;
        return new Story(content)
        {
            Id = StoryService.NewId(),
            Status = status,
            Source = source,
            SourceId = draft.SourceId,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = status == StoryStatus.Published ? now : null,
            Version = 1,
        };
    }

    private static string Csv(IReadOnlyList<StoryDraft> drafts)
    {
        static string Q(string? s) => s is null ? "" : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = new StringBuilder("sourceId,title,summary,body,kommunenummer,network,organisation,sector,goals,targets,novelty,resources,recipe,contactName,contactEmail\n");
        foreach (var d in drafts)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Q(d.SourceId)},{Q(d.Title)},{Q(d.Summary)},{Q(d.Body)},{d.Kommunenummer},{d.Network},{Q(d.Organisation)},{d.Sector},")
               .Append(CultureInfo.InvariantCulture, $"{string.Join(';', d.Goals!)},{string.Join(';', d.Targets!)},{d.Novelty},{d.Resources},{Q(string.Join('|', d.Recipe!))},{Q(d.Contact!.Name)},{Q(d.Contact.Email)}\n");
        }
        return csv.ToString();
    }

    /// <summary>HubApp (WebApplicationFactory) finds the self-host's folder through this variable when run outside the test project.</summary>
    internal static void UseSelfHostContentRoot()
    {
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_SHARINGHUB_SELFHOST";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && Environment.GetEnvironmentVariable(variable) is null; dir = dir.Parent)
        {
            var selfHost = Path.Combine(dir.FullName, "src", "SharingHub.SelfHost");
            if (Directory.Exists(selfHost))
            {
                Environment.SetEnvironmentVariable(variable, selfHost);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
