using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Teams;

namespace SharingHub.Testing.GraphDouble;

/// <summary>The hub wired to a Graph double, with the background due-job and worker off so a test drives them.</summary>
public sealed class DigestTestHost : IAsyncDisposable
{
    private DigestTestHost(HubApp hub, GraphDouble graph, StaticTokenProvider tokens)
    {
        Hub = hub;
        Graph = graph;
        Tokens = tokens;
    }

    public HubApp Hub { get; }
    public GraphDouble Graph { get; }
    public StaticTokenProvider Tokens { get; }

    public static async Task<DigestTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var graph = await GraphDouble.StartAsync();
        var tokens = new StaticTokenProvider();
        var all = new Dictionary<string, string?>
        {
            ["Teams:GraphBaseUrl"] = graph.BaseUrl,
            ["Digests:RunWorkers"] = "false",
            ["Digests:HubBaseUrl"] = "https://hub.example.no",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var hub = await HubApp.StartAsync(all, services =>
        {
            services.RemoveAll<ITeamsTokenProvider>();
            services.AddSingleton<ITeamsTokenProvider>(tokens);
            configureServices?.Invoke(services);
        });
        return new DigestTestHost(hub, graph, tokens);
    }

    public T Service<T>() where T : notnull => Hub.Services.GetRequiredService<T>();

    /// <summary>A connection for a tenant, as the device-code flow would leave it: a municipality's, or (null) one an admin made for the hub.</summary>
    public Task<TeamsConnection> ConnectAsync(string tenantId = "tenant-1", string? kommunenummer = null) =>
        Service<TeamsConnectionService>().RegisterAsync(TeamsConnectionService.NewId(), tenantId, "digest@kommune.no", kommunenummer, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
