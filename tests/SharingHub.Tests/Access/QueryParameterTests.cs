using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using SharingHub.Testing;
using SharingHub.Tests.Deployment;

namespace SharingHub.Tests.Access;

/// <summary>
/// Every query parameter of every route, with values nobody should send: the hub answers 4xx (or succeeds), never 500.
/// The routes come from the self-host's endpoints; which parameters each route reads is learned by watching the handler
/// read its query (a recording query collection put in front of the pipeline), and kept honest against the parameter
/// names the source code reads through <c>QueryReader</c>.
/// </summary>
public sealed partial class QueryParameterTests
{
    /// <summary>Values at and past the edges of dates, numbers, lengths and encodings.</summary>
    private static readonly string[] Values =
    [
        "", " ", "\t",
        "9999-12-31", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00", "0001-01-01", "0001-01-01T00:00:00+14:00",
        "1900-01-01", "2026-02-30", "2026-13-01", "20260925", "25.09.2026", "09/25/2026", "now",
        "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999", "1e309", "NaN", "Infinity",
        "0x10", "١٢", "１２", "+5", "5.0", "true", "null", "[]", "{}",
        "'; DROP TABLE stories; --", "PartitionKey ne ''", "<script>alert(1)</script>", "../../etc/passwd", "a,b", "%",
        "\u0000", "\u202Eevil", "😀", "ø", new string('9', 4000), new string('x', 4000),
    ];

    /// <summary>Sent as they are, without escaping: broken percent-encoding and repeated parameters.</summary>
    private static readonly string[] RawValues = ["%ZZ", "%FF%FE", "%", "%00", "1&{0}=2", "a&{0}=b&{0}=c"];

    [Fact]
    public async Task NoQueryParameterOfAnyRouteAnswers500ToExtremeOrMalformedValues()
    {
        var probe = new QueryProbe();
        await using var hub = await HubApp.StartAsync(
            new Dictionary<string, string?> { ["Digests:RunWorkers"] = "false" },
            services => services.AddSingleton<IStartupFilter>(new RecordQueryReads(probe)));
        var admin = hub.CreateClient();
        var routes = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: Placeholder().Replace(e.RoutePattern.RawText!, "x1"), Pattern: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found");

        var parameters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (method, path, pattern) in routes)
        {
            var read = parameters[$"{method} {pattern}"] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var body in Bodies(method))
            {
                probe.Start();
                using var _ = await admin.SendAsync(Request(method, path, "", body));
                read.UnionWith(probe.Names);
            }
        }

        // Kept honest: every parameter the code reads is found on some route (a route that reads one only after
        // finding its entity would hide it from this test: read the query first, as every handler does now).
        Assert.Equal(ParametersInSource().Order(), parameters.Values.SelectMany(p => p).Distinct().Order());

        var failures = new List<string>();
        foreach (var (method, path, pattern) in routes)
        {
            foreach (var name in parameters[$"{method} {pattern}"])
            {
                var queries = Values.Select(v => $"{name}={Uri.EscapeDataString(v)}")
                    .Concat(RawValues.Select(v => $"{name}={string.Format(System.Globalization.CultureInfo.InvariantCulture, v, name)}"));
                foreach (var query in queries)
                {
                    foreach (var body in Bodies(method))
                    {
                        using var response = await admin.SendAsync(Request(method, path, query, body));
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {path}?{Shorten(query)} → {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("/api/stories?publishedTo=9999-12-31", "publishedTo")]
    [InlineData("/api/audit?to=0001-01-01", "to")]
    [InlineData("/api/deliveries?subscription=..%2F..%2Fx", "subscription")]
    public async Task ValuesPastTheEdgesAreFieldErrors(string url, string field)
    {
        await using var hub = await HubApp.StartAsync();

        using var response = await hub.CreateClient().GetAsync(url);
        var problem = await AccessTestData.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>Names passed to QueryReader's String/Int/Timestamp/OneOf… anywhere under src/.</summary>
    private static HashSet<string> ParametersInSource()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.File("src"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("QueryReader", StringComparison.Ordinal) || file.EndsWith("QueryReader.cs", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match match in ReaderCall().Matches(text))
            {
                names.Add(match.Groups["name"].Value);
            }
        }
        Assert.Contains("publishedTo", names);
        return names;
    }

    private static IEnumerable<(string Type, string Text)?> Bodies(string method) =>
        method is "POST" or "PUT" ? [("application/json", "{}"), ("text/csv", "title,network\nx,nasjonalt\n")] : [null];

    private static HttpRequestMessage Request(string method, string path, string query, (string Type, string Text)? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), query.Length == 0 ? path : $"{path}?{query}");
        if (body is { } b)
        {
            request.Content = new StringContent(b.Text, Encoding.UTF8, b.Type);
        }
        return request;
    }

    private static string Shorten(string query) => query.Length > 80 ? query[..80] + "…" : query;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\.(?:String|Int|Timestamp|OneOf|Id|Bool|Date|Guid)\(\s*""(?<name>[A-Za-z][A-Za-z0-9]*)""")]
    private static partial Regex ReaderCall();

    /// <summary>The names the handler of the current request asked its query for.</summary>
    private sealed class QueryProbe
    {
        private readonly List<string> names = [];

        public IReadOnlyList<string> Names
        {
            get
            {
                lock (names)
                {
                    return [.. names];
                }
            }
        }

        public void Start()
        {
            lock (names)
            {
                names.Clear();
            }
        }

        public void Record(string name)
        {
            lock (names)
            {
                names.Add(name);
            }
        }
    }

    private sealed class RecordQueryReads(QueryProbe probe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Request.Query = new RecordingQuery(context.Request.Query, probe);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class RecordingQuery(IQueryCollection inner, QueryProbe probe) : IQueryCollection
    {
        public StringValues this[string key]
        {
            get
            {
                probe.Record(key);
                return inner[key];
            }
        }

        public int Count => inner.Count;

        public ICollection<string> Keys => inner.Keys;

        public bool ContainsKey(string key)
        {
            probe.Record(key);
            return inner.ContainsKey(key);
        }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value)
        {
            probe.Record(key);
            return inner.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
