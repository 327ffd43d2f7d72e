using SharingHub.Webinars;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarRoutes
{
    public static void MapWebinars(this RouteGroupBuilder api)
    {
        var webinars = api.MapGroup("/webinars");
        webinars.MapGet("/", WebinarEndpoints.List);
        webinars.MapPost("/", WebinarEndpoints.Create);
        webinars.MapGet("/{id}", WebinarEndpoints.Get);
        webinars.MapPut("/{id}", WebinarEndpoints.Update);
        webinars.MapGet("/{id}/transcript", WebinarEndpoints.Transcript);
        webinars.MapPost("/{id}/presentations/{presentationId}/story", WebinarEndpoints.CreateStory);
        webinars.MapGet("/{id}/assets", WebinarEndpoints.ListAssets);
        webinars.MapPost("/{id}/assets", WebinarEndpoints.RequestUpload);
        webinars.MapGet("/{id}/assets/{assetId}", WebinarEndpoints.GetAsset);
        webinars.MapPost("/{id}/assets/{assetId}/upload-url", WebinarEndpoints.RenewUpload);
        webinars.MapPost("/{id}/assets/{assetId}/complete", WebinarEndpoints.Complete);
    }
}
