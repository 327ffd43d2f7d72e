using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Extensions.Hosting;
using SharingHub.Functions;
using SharingHub.Testing;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The Functions app as the Functions host sees it: the metadata the Worker SDK's source generator emits
/// (<see cref="GeneratedFunctionMetadataProvider"/>, what the worker answers the host's metadata request with), each
/// function tied to the method it runs.
/// </summary>
internal static class FunctionsApp
{
    public static Assembly Assembly { get; } = typeof(FunctionsHost).Assembly;

    public static async Task<IReadOnlyList<AppFunction>> FunctionsAsync()
    {
        var metadata = await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppContext.BaseDirectory);
        Assert.NotEmpty(metadata);
        return metadata.Select(m => AppFunction.From(m.Name!, m.EntryPoint!, m.RawBindings!)).ToList();
    }

    /// <summary>
    /// The host as <c>functions/Program.cs</c> builds it (<see cref="FunctionsHost"/>), built but never started, against the
    /// shared Azurite; <paramref name="settings"/> are command-line arguments (<c>--Section:Key=value</c>).
    /// </summary>
    public static async Task<IHost> BuildHostAsync(params string[] settings)
    {
        string[] args = ["--Storage:ConnectionString=" + await SharedAzurite.ConnectionStringAsync(), .. settings];
        return FunctionsHost.CreateBuilder(args).Build();
    }

    /// <summary>host.json's <c>extensions.http.routePrefix</c>: the host serves every HTTP function under it.</summary>
    public static string RoutePrefix()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("host.json")))!;
        return hostJson["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
    }
}

/// <summary>One function: its name, the method the generated executor calls, and its bindings as the host reads them.</summary>
internal sealed record AppFunction(string Name, MethodInfo Method, IReadOnlyList<JsonObject> Bindings)
{
    public JsonObject Trigger => Bindings.Single(b => Value(b, "type").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string TriggerType => Value(Trigger, "type");

    public string Describe => $"{Name} ({Method.DeclaringType!.Name}.{Method.Name})";

    public static string Value(JsonObject binding, string property) => binding[property]?.GetValue<string>() ?? "";

    public static AppFunction From(string name, string entryPoint, IEnumerable<string> rawBindings)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = FunctionsApp.Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Single(m => m.Name == entryPoint[(split + 1)..] && m.GetParameters().Any(p => p.GetCustomAttribute<BindingAttribute>() is not null));
        return new(name, method, rawBindings.Select(b => JsonNode.Parse(b)!.AsObject()).ToList());
    }
}
