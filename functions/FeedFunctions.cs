using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Feeds;
using SharingHub.Moderation;
using SharingHub.Stories;

namespace SharingHub.Functions;

/// <summary>Feed polling on a timer, /api/networks/{id}/sources and /api/moderation: each hands over to core.</summary>
public sealed class FeedFunctions(FeedSourceService sources, FeedPoller poller, FeedPollingJob job, ModerationService moderation, StoryService stories)
{
    [Function(nameof(PollDueFeeds))]
    public Task PollDueFeeds([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken ct) =>
        job.RunOnceAsync(ct);

    [Function(nameof(ListFeedSources))]
    public Task<IResult> ListFeedSources(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/networks/{id}/sources")] HttpRequest request, string id, CancellationToken ct) =>
        FeedEndpoints.List(request, id, sources, ct);

    [Function(nameof(CreateFeedSource))]
    public Task<IResult> CreateFeedSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/networks/{id}/sources")] HttpRequest request, string id, CancellationToken ct) =>
        FeedEndpoints.Create(request, id, sources, ct);

    [Function(nameof(GetFeedSource))]
    public Task<IResult> GetFeedSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/networks/{id}/sources/{sid}")] HttpRequest request, string id, string sid, CancellationToken ct) =>
        FeedEndpoints.Get(request, id, sid, sources, ct);

    [Function(nameof(UpdateFeedSource))]
    public Task<IResult> UpdateFeedSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/networks/{id}/sources/{sid}")] HttpRequest request, string id, string sid, CancellationToken ct) =>
        FeedEndpoints.Update(request, id, sid, sources, ct);

    [Function(nameof(DeleteFeedSource))]
    public Task<IResult> DeleteFeedSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/networks/{id}/sources/{sid}")] HttpRequest request, string id, string sid, CancellationToken ct) =>
        FeedEndpoints.Delete(request, id, sid, sources, ct);

    [Function(nameof(PollFeedSource))]
    public Task<IResult> PollFeedSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/networks/{id}/sources/{sid}/poll")] HttpRequest request, string id, string sid, CancellationToken ct) =>
        FeedEndpoints.PollNow(request, id, sid, sources, poller, ct);

    [Function(nameof(ListFeedPolls))]
    public Task<IResult> ListFeedPolls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/networks/{id}/sources/{sid}/polls")] HttpRequest request, string id, string sid, CancellationToken ct) =>
        FeedEndpoints.Polls(request, id, sid, sources, ct);

    [Function(nameof(ModerationQueue))]
    public Task<IResult> ModerationQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/moderation")] HttpRequest request, CancellationToken ct) =>
        ModerationEndpoints.Queue(request, moderation, ct);

    [Function(nameof(ApproveStory))]
    public Task<IResult> ApproveStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/moderation/{id}/approve")] HttpRequest request, string id, CancellationToken ct) =>
        ModerationEndpoints.Approve(request, id, moderation, stories, ct);

    [Function(nameof(RejectSubmittedStory))]
    public Task<IResult> RejectSubmittedStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/moderation/{id}/reject")] HttpRequest request, string id, CancellationToken ct) =>
        ModerationEndpoints.Reject(request, id, moderation, stories, ct);
}
