using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;

namespace SharingHub.Functions;

/// <summary>
/// /api/webinars, the clean-up timer and the asset-check queue (and its poison queue): each function binds its trigger
/// and hands over to the core.
/// </summary>
public sealed class WebinarFunctions(WebinarService webinars, AssetService assets, UploadCleanupJob cleanup, AssetVerifier verifier)
{
    [PublicRead]
    [Function(nameof(ListWebinars))]
    public Task<IResult> ListWebinars(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webinars")] HttpRequest request, CancellationToken ct) =>
        WebinarEndpoints.List(request, webinars, ct);

    [Function(nameof(CreateWebinar))]
    public Task<IResult> CreateWebinar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webinars")] HttpRequest request, CancellationToken ct) =>
        WebinarEndpoints.Create(request, webinars, ct);

    [PublicRead]
    [Function(nameof(GetWebinar))]
    public Task<IResult> GetWebinar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webinars/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarEndpoints.Get(request, id, webinars, ct);

    [Function(nameof(UpdateWebinar))]
    public Task<IResult> UpdateWebinar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/webinars/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarEndpoints.Update(request, id, webinars, ct);

    [PublicRead]
    [Function(nameof(GetWebinarTranscript))]
    public Task<IResult> GetWebinarTranscript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webinars/{id}/transcript")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarEndpoints.Transcript(request, id, webinars, ct);

    [Function(nameof(CreateStoryFromPresentation))]
    public Task<IResult> CreateStoryFromPresentation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webinars/{id}/presentations/{presentationId}/story")] HttpRequest request,
        string id, string presentationId, CancellationToken ct) =>
        WebinarEndpoints.CreateStory(request, id, presentationId, webinars, ct);

    [PublicRead]
    [Function(nameof(ListWebinarAssets))]
    public Task<IResult> ListWebinarAssets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webinars/{id}/assets")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarEndpoints.ListAssets(request, id, webinars, assets, ct);

    [Function(nameof(RequestWebinarUpload))]
    public Task<IResult> RequestWebinarUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webinars/{id}/assets")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarEndpoints.RequestUpload(request, id, assets, ct);

    [PublicRead]
    [Function(nameof(GetWebinarAsset))]
    public Task<IResult> GetWebinarAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webinars/{id}/assets/{assetId}")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        WebinarEndpoints.GetAsset(request, id, assetId, webinars, assets, ct);

    [Function(nameof(RenewWebinarUpload))]
    public Task<IResult> RenewWebinarUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webinars/{id}/assets/{assetId}/upload-url")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        WebinarEndpoints.RenewUpload(request, id, assetId, assets, ct);

    [Function(nameof(CompleteWebinarUpload))]
    public Task<IResult> CompleteWebinarUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webinars/{id}/assets/{assetId}/complete")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        WebinarEndpoints.Complete(request, id, assetId, assets, ct);

    [Function(nameof(CleanUpWebinarUploads))]
    public Task CleanUpWebinarUploads([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken ct) =>
        cleanup.RunOnceAsync(ct);

    [Function(nameof(VerifyWebinarAsset))]
    public Task VerifyWebinarAsset([QueueTrigger(StorageAssetCheckQueue.QueueName, Connection = "Storage")] string message, CancellationToken ct) =>
        verifier.VerifyAsync(message, ct);

    [Function(nameof(VerifyWebinarAssetPoison))]
    public Task VerifyWebinarAssetPoison([QueueTrigger(StorageAssetCheckQueue.QueueName + "-poison", Connection = "Storage")] string message, CancellationToken ct) =>
        verifier.GiveUpAsync(message, ct);
}
