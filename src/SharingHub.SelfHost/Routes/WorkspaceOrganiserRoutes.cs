using SharingHub.Pages;
using SharingHub.Webinars.Workspace;

namespace SharingHub.SelfHost.Routes;

/// <summary>The organiser's pages under /arbeid/webinarer, the JSON the upload module asks, and the module itself.</summary>
internal static class WorkspaceOrganiserRoutes
{
    public static void MapWorkspaceOrganiser(this IEndpointRouteBuilder app)
    {
        app.MapGet("/js/{file}", PageScript.Serve);
        app.MapGet("/arbeid/webinarer", OrganiserPageEndpoints.List);
        app.MapGet("/arbeid/webinarer/ny", OrganiserPageEndpoints.New);
        app.MapPost("/arbeid/webinarer/ny", OrganiserPageEndpoints.Create);
        app.MapGet("/arbeid/webinarer/{id}", OrganiserPageEndpoints.Show);
        app.MapPost("/arbeid/webinarer/{id}", OrganiserPageEndpoints.Update);
        app.MapPost("/arbeid/webinarer/{id}/publiser", OrganiserPageEndpoints.Publish);
        app.MapPost("/arbeid/webinarer/{id}/foredrag", OrganiserPageEndpoints.AddPresentation);
        app.MapPost("/arbeid/webinarer/{id}/foredrag/{presentationId}", OrganiserPageEndpoints.UpdatePresentation);
        app.MapPost("/arbeid/webinarer/{id}/foredrag/{presentationId}/slett", OrganiserPageEndpoints.RemovePresentation);
        app.MapPost("/arbeid/webinarer/{id}/foredrag/{presentationId}/historie", OrganiserPageEndpoints.DraftStory);
        app.MapPost("/arbeid/webinarer/{id}/filer", OrganiserUploadEndpoints.RequestUpload);
        app.MapPost("/arbeid/webinarer/{id}/filer/{assetId}/adresse", OrganiserUploadEndpoints.RenewUpload);
        app.MapGet("/arbeid/webinarer/{id}/filer/{assetId}/blokker", OrganiserUploadEndpoints.StagedBlocks);
        app.MapPost("/arbeid/webinarer/{id}/filer/{assetId}/fullfor", OrganiserUploadEndpoints.Complete);
    }
}
