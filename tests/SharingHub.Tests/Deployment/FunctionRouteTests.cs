using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Testing;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The Functions app cannot be built here, so its HTTP triggers are read from source and compared with the routes the
/// self-host really maps: every route of one host must exist, with the same method, in the other.
/// </summary>
public sealed partial class FunctionRouteTests
{
    [Fact]
    public async Task EveryRouteOfTheSelfHostHasAnHttpFunctionWithTheSameMethodAndPath()
    {
        var selfHost = await SelfHostRoutesAsync();
        var functions = FunctionRoutes();

        Assert.NotEmpty(selfHost);
        var missing = selfHost.Except(functions).Order().ToList();
        Assert.True(missing.Count == 0, "No function in functions/*.cs serves: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryHttpFunctionServesARouteTheSelfHostAlsoServes()
    {
        var selfHost = await SelfHostRoutesAsync();
        var functions = FunctionRoutes();

        Assert.NotEmpty(functions);
        var extra = functions.Except(selfHost).Order().ToList();
        Assert.True(extra.Count == 0, "Functions without a self-host route: " + string.Join(", ", extra));
    }

    [Fact]
    public void NoTwoFunctionsShareAName()
    {
        var names = FunctionSources().SelectMany(source => FunctionNamePattern().Matches(source).Select(m => m.Groups["name"].Value)).ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static async Task<HashSet<string>> SelfHostRoutesAsync()
    {
        await using var hub = await HubApp.StartAsync();
        var endpoints = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => Key(method, e.RoutePattern.RawText!)))
            .ToHashSet();
    }

    /// <summary>
    /// Every function's path from the site's root. The pages (PageFunctions.cs) are written for routePrefix "", the API's
    /// functions sit under host.json's routePrefix.
    /// </summary>
    private static HashSet<string> FunctionRoutes()
    {
        var prefix = JsonNode.Parse(System.IO.File.ReadAllText(RepositoryRoot.File("host.json")))?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        return Directory.EnumerateFiles(RepositoryRoot.File("functions"), "*.cs")
            .SelectMany(file => HttpTriggerPattern().Matches(System.IO.File.ReadAllText(file))
                .Select(m => (Route: m.Groups["route"].Value, Methods: m.Groups["method"].Captures, Page: Path.GetFileName(file) == "PageFunctions.cs")))
            .SelectMany(f => f.Methods.Select(method => Key(method.Value, f.Page ? f.Route : $"{prefix}/{f.Route}")))
            .ToHashSet();
    }

    private static IEnumerable<string> FunctionSources() =>
        Directory.EnumerateFiles(RepositoryRoot.File("functions"), "*.cs").Select(System.IO.File.ReadAllText);

    /// <summary>"GET api/stories/{}": parameter names and constraints may differ between hosts; the shape may not.</summary>
    /// <remarks>The Functions host cannot route "" (the front page): an optional parameter limited to length 0 stands for it.</remarks>
    private static string Key(string method, string route) =>
        method.ToUpperInvariant() + " " + RouteParameter().Replace(EmptyRoute().Replace(route, string.Empty).Trim('/'), "{}");

    [GeneratedRegex(@"\[HttpTrigger\(\s*AuthorizationLevel\.\w+\s*,\s*(?:""(?<method>[a-zA-Z]+)""\s*,\s*)+Route\s*=\s*""(?<route>[^""]*)""\s*\)\]")]
    private static partial Regex HttpTriggerPattern();

    [GeneratedRegex(@"\[Function\(\s*(?:nameof\((?<name>\w+)\)|""(?<name>[^""]+)"")\s*\)\]")]
    private static partial Regex FunctionNamePattern();

    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial Regex EmptyRoute();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
