using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SharingHub.Testing;

/// <summary>
/// The self-host, in process, against the shared Azurite with its own storage prefix. Every test that needs the hub
/// creates one (<see cref="StartAsync"/>) and talks to it over HTTP through <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>.
/// </summary>
public sealed class HubApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly IReadOnlyDictionary<string, string?> settings;

    private HubApp(string connectionString, string prefix, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        this.connectionString = connectionString;
        Prefix = prefix;
        this.settings = settings ?? new Dictionary<string, string?>();
        this.configureServices = configureServices;
    }

    public string Prefix { get; }

    public string StorageConnectionString => connectionString;

    /// <summary>The hub's clock. Starts at the real time; tests move it with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static async Task<HubApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new HubApp(await SharedAzurite.ConnectionStringAsync(), SharedAzurite.NewPrefix(), settings, configureServices);
        _ = app.Server; // start now, so storage is created before the first request
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Storage:Prefix", Prefix);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            configureServices?.Invoke(services);
        });
    }
}
