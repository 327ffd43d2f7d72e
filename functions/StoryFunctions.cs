using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.Functions;

/// <summary>/api/stories: each function binds its trigger and hands over to <see cref="StoryEndpoints"/>.</summary>
public sealed class StoryFunctions(StoryService stories, StoryImporter importer)
{
    [Function(nameof(ListStories))]
    [PublicRead]
    public Task<IResult> ListStories(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/stories")] HttpRequest request, CancellationToken ct) =>
        StoryEndpoints.List(request, stories, ct);

    [Function(nameof(CreateStory))]
    public Task<IResult> CreateStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories")] HttpRequest request, CancellationToken ct) =>
        StoryEndpoints.Create(request, stories, ct);

    [Function(nameof(ImportStories))]
    public Task<IResult> ImportStories(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories/import")] HttpRequest request, CancellationToken ct) =>
        StoryEndpoints.Import(request, importer, ct);

    [Function(nameof(GetStory))]
    [PublicRead]
    public Task<IResult> GetStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/stories/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Get(request, id, stories, ct);

    [Function(nameof(UpdateStory))]
    public Task<IResult> UpdateStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/stories/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Update(request, id, stories, ct);

    [Function(nameof(SubmitStory))]
    public Task<IResult> SubmitStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories/{id}/submit")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Submit(request, id, stories, ct);

    [Function(nameof(PublishStory))]
    public Task<IResult> PublishStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories/{id}/publish")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Publish(request, id, stories, ct);

    [Function(nameof(RejectStory))]
    public Task<IResult> RejectStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories/{id}/reject")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Reject(request, id, stories, ct);

    [Function(nameof(WithdrawStory))]
    public Task<IResult> WithdrawStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/stories/{id}/withdraw")] HttpRequest request, string id, CancellationToken ct) =>
        StoryEndpoints.Withdraw(request, id, stories, ct);
}
