using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Common.Hosting;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Search;

public static class SearchModule
{
    /// <summary>Search and its indexer. Register after Stories and Webinars: erasure asks the search index last.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddStorageResource(StorageKind.Queue, StorageSearchNoticeQueue.QueueName);
        services.AddStorageResource(StorageKind.Container, BlobSnapshotStore.ContainerName);
        services.AddSingleton<SearchNoticeSignal>();
        services.AddSingleton<ISearchNoticeQueue, StorageSearchNoticeQueue>();
        services.AddSingleton<ISnapshotStore, BlobSnapshotStore>();
        services.AddSingleton<SearchContentSource>();
        services.AddSingleton<SearchIndexHolder>();
        services.AddSingleton<SearchEngine>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IPersonalDataHolder, SearchPersonalData>();
        return services;
    }

    /// <summary>The self-host's indexer, unless <c>Search:RunIndexer</c> is false.</summary>
    public static IServiceCollection AddSearchIndexer(this IServiceCollection services)
    {
        services.AddHostedService<SearchIndexerService>();
        return services;
    }
}

/// <summary>The self-host's indexer: a cycle whenever this process queued a notice, else every few seconds.</summary>
public sealed class SearchIndexerService(SearchIndexer indexer, SearchNoticeSignal signal, IOptions<SearchOptions> options, ILogger<SearchIndexerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunIndexer)
        {
            return;
        }
        // A poll interval, not a schedule: real time, so notices queued by other processes are seen under a test clock too.
        await DrainLoop.RunAsync(signal, indexer.DrainAsync, TimeSpan.FromSeconds(options.Value.IndexerPollSeconds), TimeProvider.System, logger,
            "The search indexing cycle failed; its notices come back after their lease", stoppingToken);
    }
}

/// <summary>
/// An erased person's name must leave the index too. Stories erase through the story service, which tells the indexer;
/// speakers are erased in the episode rows directly, so this asks for a rebuild, queued after the other holders ran.
/// </summary>
public sealed class SearchPersonalData(ISearchNoticeQueue notices) : IPersonalDataHolder
{
    public string Name => "search";

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        await notices.SendAsync(SearchNotice.Rebuild, ct);
        return 0;
    }
}
