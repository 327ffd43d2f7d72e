using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;

namespace SharingHub.Feeds;

public static class FeedsModule
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStorageResource(StorageKind.Table, TableFeedSourceStore.SourcesTable);
        services.AddStorageResource(StorageKind.Table, TableFeedSourceStore.DueTable);
        services.AddStorageResource(StorageKind.Table, TableFeedSourceStore.PollsTable);

        // Redirects are followed by FeedFetcher itself (http(s) only, loops named); time is bounded per request there too.
        // Every connection goes through FeedConnector, which refuses internal addresses; no proxy, so nothing connects past it.
        services.AddSingleton<IFeedAddressPolicy, FeedAddressPolicy>();
        services.AddHttpClient(FeedFetcher.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SharingHub-FeedReader/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = new FeedConnector(provider.GetRequiredService<IFeedAddressPolicy>()).ConnectAsync,
                UseProxy = false,
                AllowAutoRedirect = false,
                MaxAutomaticRedirections = 1,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxResponseHeadersLength = 64,
            });

        services.AddSingleton<IFeedSourceStore, TableFeedSourceStore>();
        services.AddSingleton<People.IPersonalDataHolder, FeedPersonalData>();
        services.AddSingleton<FeedSourceService>();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<FeedItemIngestor>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<FeedPollingJob>();
        services.AddHostedService<FeedPollingService>();
        return services;
    }
}
