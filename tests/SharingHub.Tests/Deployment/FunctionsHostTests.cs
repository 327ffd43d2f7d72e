using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharingHub.Storage;
using SharingHub.Functions;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The Functions app's host, built exactly as <c>functions/Program.cs</c> builds it (<see cref="FunctionsHost"/>) but
/// never started: a Functions host cannot run here (Azure Functions Core Tools are in no registry this machine reaches),
/// so what can fail at start-up or on the first invocation is checked here.
/// </summary>
public sealed partial class FunctionsHostTests
{
    [Fact]
    public async Task EveryFunctionClassIsCreatedFromTheHostsServices()
    {
        using var host = await FunctionsApp.BuildHostAsync();
        await using var invocation = host.Services.CreateAsyncScope();
        var classes = (await FunctionsApp.FunctionsAsync()).Select(f => f.Method.DeclaringType!).Distinct().ToList();

        // As the worker's function activator does for every invocation, in the invocation's scope.
        var failures = Failures(classes, type => ActivatorUtilities.CreateInstance(invocation.ServiceProvider, type));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryMiddlewareResolvesFromTheHostsServices()
    {
        using var host = await FunctionsApp.BuildHostAsync();
        var middleware = FunctionsApp.Assembly.GetTypes()
            .Where(t => typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(middleware);
        var failures = Failures(middleware, type => host.Services.GetRequiredService(type));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void TheAppShipsTheRepositoryRootHostJson()
    {
        // QueueEncodingTests and docs/deploy.md read the root host.json: it must be the one the Functions host gets.
        var shipped = Path.Combine(Path.GetDirectoryName(FunctionsApp.Assembly.Location)!, "host.json");

        Assert.Equal(File.ReadAllText(RepositoryRoot.File("host.json")), File.ReadAllText(shipped));
    }

    [Fact]
    public void TheExampleLocalSettingsPassEveryStartUpCheck()
    {
        // As the Functions host hands local.settings.json's Values to the worker: environment variables, "__" for ":".
        var values = JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("functions", "local.settings.example.json")))!["Values"]!.AsObject();
        var args = values.Select(v => $"--{v.Key.Replace("__", ":", StringComparison.Ordinal)}={v.Value}").ToArray();
        using var host = FunctionsHost.CreateBuilder(args).Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task AStoragePrefixStopsTheFunctionsHostNamingTheSetting()
    {
        using var host = await FunctionsApp.BuildHostAsync("--Storage:Prefix=sidebyside");

        // What the host checks at start (ValidateOnStart), before any trigger listens.
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Prefix", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The isolated worker injects services through the constructor only: a function's parameters come from its
    /// bindings, the trigger's binding data (route values) or the invocation (CancellationToken, FunctionContext).
    /// Anything else is left null at run time.
    /// </summary>
    [Fact]
    public async Task EveryFunctionParameterIsBoundByTheWorker()
    {
        var functions = await FunctionsApp.FunctionsAsync();

        var unbound = functions
            .SelectMany(f => f.Method.GetParameters().Where(p => !IsBound(f, p)).Select(p => $"{f.Describe}: parameter '{p.Name}' ({p.ParameterType.Name})"))
            .ToList();
        Assert.True(unbound.Count == 0, "Not bound by the worker: " + string.Join(", ", unbound));
    }

    private static bool IsBound(AppFunction function, ParameterInfo parameter) =>
        parameter.GetCustomAttribute<BindingAttribute>() is not null
        || parameter.ParameterType == typeof(CancellationToken)
        || parameter.ParameterType == typeof(FunctionContext)
        || BindingData(function).Contains(parameter.Name!);

    /// <summary>The names the trigger puts in the binding data: route values for HTTP, the message's properties for queues.</summary>
    private static HashSet<string> BindingData(AppFunction function) => function.TriggerType switch
    {
        "httpTrigger" => RouteValue().Matches(AppFunction.Value(function.Trigger, "route")).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase),
        "queueTrigger" => new(["Id", "DequeueCount", "ExpirationTime", "InsertionTime", "NextVisibleTime", "PopReceipt", "QueueTrigger"], StringComparer.OrdinalIgnoreCase),
        _ => [],
    };

    private static List<string> Failures(IEnumerable<Type> types, Func<Type, object> create)
    {
        var failures = new List<string>();
        foreach (var type in types)
        {
            try
            {
                Assert.NotNull(create(type));
            }
            catch (Exception ex) when (ex is InvalidOperationException or AggregateException)
            {
                failures.Add($"{type.Name}: {ex.Message}");
            }
        }
        return failures;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?*]+)")]
    private static partial Regex RouteValue();
}
