using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Access;
using SharingHub.Testing;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The HTTP functions in the metadata the Worker SDK generates (what the Functions host serves) against the routes the
/// self-host really maps: every route of one host must exist in the other with the same method, and be public in both
/// or in neither.
/// </summary>
public sealed partial class FunctionRouteTests
{
    [Fact]
    public async Task EveryRouteOfTheSelfHostHasAnHttpFunctionWithTheSameMethodAndPath()
    {
        var selfHost = await SelfHostRoutesAsync();
        var functions = await FunctionRoutesAsync();

        Assert.NotEmpty(selfHost);
        var missing = selfHost.Keys.Except(functions.Keys).Order().ToList();
        Assert.True(missing.Count == 0, "No HTTP function serves: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryHttpFunctionServesARouteTheSelfHostAlsoServes()
    {
        var selfHost = await SelfHostRoutesAsync();
        var functions = await FunctionRoutesAsync();

        Assert.NotEmpty(functions);
        var extra = functions.Keys.Except(selfHost.Keys).Order().ToList();
        Assert.True(extra.Count == 0, "HTTP functions without a self-host route: " + string.Join(", ", extra));
    }

    [Fact]
    public async Task TheSameRoutesArePublicInBothHosts()
    {
        var selfHost = await SelfHostRoutesAsync();
        var functions = await FunctionRoutesAsync();

        var differing = selfHost.Keys.Intersect(functions.Keys)
            .Where(route => selfHost[route] != functions[route])
            .Select(route => $"{route} is {(selfHost[route] ? "public" : "closed")} in the self-host, {(functions[route] ? "public" : "closed")} in the Functions app")
            .Order()
            .ToList();
        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    [Fact]
    public async Task NoTwoFunctionsShareAName()
    {
        var names = (await FunctionsApp.FunctionsAsync()).Select(f => f.Name).ToList();

        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "Function names used twice: " + string.Join(", ", repeated));
    }

    /// <summary>Route key → whether the route is public (<see cref="PublicReadAttribute"/> in the endpoint's metadata).</summary>
    private static async Task<Dictionary<string, bool>> SelfHostRoutesAsync()
    {
        var prefix = FunctionsApp.RoutePrefix();
        await using var hub = await HubApp.StartAsync();
        var endpoints = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = endpoints
            .Select(e => (Endpoint: e, Path: e.RoutePattern.RawText!.Trim('/')))
            .Where(e => prefix.Length == 0 || e.Path == prefix || e.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (Key(method, e.Path), e.Endpoint.Metadata.GetMetadata<PublicReadAttribute>() is not null)));
        return ToRouteMap(routes, "the self-host");
    }

    /// <summary>Route key → whether the function is public (as <c>AccessMiddleware</c> decides: the method's <see cref="PublicReadAttribute"/>).</summary>
    private static async Task<Dictionary<string, bool>> FunctionRoutesAsync()
    {
        var prefix = FunctionsApp.RoutePrefix();
        var routes = (await FunctionsApp.FunctionsAsync())
            .Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => (f.Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>()) ?? ["*"])
                .Select(method => (Key(method, prefix + "/" + AppFunction.Value(f.Trigger, "route")), f.Method.GetCustomAttribute<PublicReadAttribute>() is not null)));
        return ToRouteMap(routes, "the Functions app");
    }

    private static Dictionary<string, bool> ToRouteMap(IEnumerable<(string Key, bool Public)> routes, string host)
    {
        var byKey = routes.GroupBy(r => r.Key).ToList();
        var twice = byKey.Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        Assert.True(twice.Count == 0, $"Served twice in {host}: " + string.Join(", ", twice));
        return byKey.ToDictionary(g => g.Key, g => g.Single().Public);
    }

    /// <summary>"GET api/stories/{}": parameter names and constraints may differ between hosts; the shape may not.</summary>
    /// <remarks>The Functions host cannot route "" (the front page): an optional parameter limited to length 0 stands for it.</remarks>
    private static string Key(string method, string route) =>
        method.ToUpperInvariant() + " " + RouteParameter().Replace(EmptyRoute().Replace(route.Trim('/'), string.Empty), "{}");

    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial Regex EmptyRoute();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
