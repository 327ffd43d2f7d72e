using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SharingHub.Testing;

/// <summary>
/// The self-host, in process, against the shared Azurite with its own storage prefix. Every test that needs the hub
/// creates one (<see cref="StartAsync"/>) and talks to it over HTTP through <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>,
/// which sends a random bootstrap admin key. <see cref="CreateAnonymousClient"/> sends none; <see cref="MintKeyAsync"/> issues a scoped key
/// for <see cref="CreateClientWithKey"/>. Rate limits are out of the way unless a test sets Access:RateLimit:*.
/// </summary>
public sealed class HubApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly IReadOnlyDictionary<string, string?> settings;

    private HubApp(string connectionString, string prefix, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, bool browsable)
    {
        this.connectionString = connectionString;
        Prefix = prefix;
        // Only a hub a browser opens needs the shared Azurite's CORS rule. In-process hubs leave the rules alone: they
        // start by the dozen at once, and each one's read-modify-write of the service properties could drop the
        // browser hub's rule.
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("Storage:EmulatorCors", browsable ? "true" : "false");
        this.settings = all;
        this.configureServices = configureServices;
    }

    public string Prefix { get; }

    /// <summary>The Access:BootstrapAdminKey this hub runs with, sent by <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>.</summary>
    public string AdminKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string StorageConnectionString => connectionString;

    /// <summary>The hub's clock. Starts at the real time; tests move it with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static async Task<HubApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new HubApp(await SharedAzurite.ConnectionStringAsync(), SharedAzurite.NewPrefix(), settings, configureServices, browsable: false);
        _ = app.Server; // start now, so storage is created before the first request
        return app;
    }

    /// <summary>The hub on a real Kestrel port on 127.0.0.1, for a browser to open; <see cref="ServerAddress"/> says where.</summary>
    public static async Task<HubApp> StartOnKestrelAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new HubApp(await SharedAzurite.ConnectionStringAsync(), SharedAzurite.NewPrefix(), settings, configureServices, browsable: true);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>Where the hub listens when started with <see cref="StartOnKestrelAsync"/>.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // TestServer has no request-body-size feature, so routing warns on every request with a body limit;
        // that is an artefact of hosting in process (Kestrel enforces the limits), and the noise costs time.
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", LogLevel.Error));
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Storage:Prefix", Prefix);
        builder.UseSetting("Access:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Access:RateLimit:PermitsPerWindow", "1000000");
        builder.UseSetting("Access:RateLimit:AnonymousPermitsPerWindow", "1000000");
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

    /// <summary>A client without credentials: what the public sees.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyHeader);
        return client;
    }

    /// <summary>A client that sends <paramref name="key"/> as X-Api-Key.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyHeader, key);
        return client;
    }

    /// <summary>Issues a key through POST /api/keys as admin: role "secretariat" with network ids, "subscriber" with kommunenummer, "organiser", "admin".</summary>
    public async Task<string> MintKeyAsync(string role, IReadOnlyList<string>? scopes = null, DateTimeOffset? expiresAt = null)
    {
        using var admin = CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = $"test {role}", role, scopes = scopes ?? [], expiresAt });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/keys answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>A client for a new key with this role and scope.</summary>
    public async Task<HttpClient> CreateClientWithRoleAsync(string role, params string[] scopes) =>
        CreateClientWithKey(await MintKeyAsync(role, scopes));

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ApiKeyHeader, AdminKey);
    }

    private const string ApiKeyHeader = "X-Api-Key";
}
