using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Workspace;

namespace SharingHub.Functions;

/// <summary>The organiser's pages under /arbeid/webinarer and the upload module's calls. Not public, except the module file.</summary>
public sealed class WorkspaceOrganiserFunctions(WebinarService webinars, AssetService assets, NetworkService networks)
{
    [Function(nameof(PageScriptFile))]
    [PublicRead]
    public IResult PageScriptFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "js/{file}")] HttpRequest request, string file) =>
        PageScript.Serve(request, file);

    [Function(nameof(OrganiserEpisodes))]
    public Task<IResult> OrganiserEpisodes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/webinarer")] HttpRequest request, CancellationToken ct) =>
        OrganiserPageEndpoints.List(request, webinars, ct);

    [Function(nameof(OrganiserNewEpisode))]
    public IResult OrganiserNewEpisode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/webinarer/ny")] HttpRequest request) =>
        OrganiserPageEndpoints.New(request);

    [Function(nameof(OrganiserCreateEpisode))]
    public Task<IResult> OrganiserCreateEpisode([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/ny")] HttpRequest request, CancellationToken ct) =>
        OrganiserPageEndpoints.Create(request, webinars, ct);

    [Function(nameof(OrganiserEpisode))]
    public Task<IResult> OrganiserEpisode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/webinarer/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        OrganiserPageEndpoints.Show(request, id, webinars, assets, networks, ct);

    [Function(nameof(OrganiserUpdateEpisode))]
    public Task<IResult> OrganiserUpdateEpisode([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        OrganiserPageEndpoints.Update(request, id, webinars, assets, networks, ct);

    [Function(nameof(OrganiserPublishEpisode))]
    public Task<IResult> OrganiserPublishEpisode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/publiser")] HttpRequest request, string id, CancellationToken ct) =>
        OrganiserPageEndpoints.Publish(request, id, webinars, assets, networks, ct);

    [Function(nameof(OrganiserAddPresentation))]
    public Task<IResult> OrganiserAddPresentation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/foredrag")] HttpRequest request, string id, CancellationToken ct) =>
        OrganiserPageEndpoints.AddPresentation(request, id, webinars, assets, networks, ct);

    [Function(nameof(OrganiserUpdatePresentation))]
    public Task<IResult> OrganiserUpdatePresentation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/foredrag/{presentationId}")] HttpRequest request,
        string id, string presentationId, CancellationToken ct) =>
        OrganiserPageEndpoints.UpdatePresentation(request, id, presentationId, webinars, assets, networks, ct);

    [Function(nameof(OrganiserRemovePresentation))]
    public Task<IResult> OrganiserRemovePresentation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/foredrag/{presentationId}/slett")] HttpRequest request,
        string id, string presentationId, CancellationToken ct) =>
        OrganiserPageEndpoints.RemovePresentation(request, id, presentationId, webinars, assets, networks, ct);

    [Function(nameof(OrganiserDraftStory))]
    public Task<IResult> OrganiserDraftStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/foredrag/{presentationId}/historie")] HttpRequest request,
        string id, string presentationId, CancellationToken ct) =>
        OrganiserPageEndpoints.DraftStory(request, id, presentationId, webinars, assets, networks, ct);

    [Function(nameof(OrganiserRequestUpload))]
    public Task<IResult> OrganiserRequestUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/filer")] HttpRequest request, string id, CancellationToken ct) =>
        OrganiserUploadEndpoints.RequestUpload(request, id, assets, ct);

    [Function(nameof(OrganiserRenewUpload))]
    public Task<IResult> OrganiserRenewUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/filer/{assetId}/adresse")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        OrganiserUploadEndpoints.RenewUpload(request, id, assetId, assets, ct);

    [Function(nameof(OrganiserStagedBlocks))]
    public Task<IResult> OrganiserStagedBlocks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/webinarer/{id}/filer/{assetId}/blokker")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        OrganiserUploadEndpoints.StagedBlocks(request, id, assetId, assets, ct);

    [Function(nameof(OrganiserCompleteUpload))]
    public Task<IResult> OrganiserCompleteUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/webinarer/{id}/filer/{assetId}/fullfor")] HttpRequest request,
        string id, string assetId, CancellationToken ct) =>
        OrganiserUploadEndpoints.Complete(request, id, assetId, assets, ct);
}
