using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Search;

namespace SharingHub.Functions;

/// <summary>
/// Search: the HTTP routes, and the indexer on the notice queue (and its poison queue). The host deletes a notice only
/// when the indexer returns, which is after the snapshot holding it is published.
/// </summary>
public sealed class SearchFunctions(SearchService search, SearchIndexer indexer, ISearchNoticeQueue notices)
{
    [Function(nameof(Search))]
    [PublicRead]
    public Task<IResult> Search([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/search")] HttpRequest request, CancellationToken ct) =>
        SearchEndpoints.Search(request, search, ct);

    [Function(nameof(RebuildSearchIndex))]
    public Task<IResult> RebuildSearchIndex([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/search/rebuild")] HttpRequest request, CancellationToken ct) =>
        SearchEndpoints.Rebuild(request, notices, ct);

    [Function(nameof(IndexSearchNotice))]
    public Task IndexSearchNotice([QueueTrigger(StorageSearchNoticeQueue.QueueName, Connection = "Storage")] string notice, CancellationToken ct) =>
        indexer.HandleQueuedAsync(notice, ct);

    // A notice that failed every attempt is not dropped: a rebuild takes in whatever it was about.
    [Function(nameof(IndexSearchNoticePoison))]
    public Task IndexSearchNoticePoison([QueueTrigger(StorageSearchNoticeQueue.PoisonQueueName, Connection = "Storage")] string notice, CancellationToken ct) =>
        indexer.GaveUpAsync(notice, ct);
}
