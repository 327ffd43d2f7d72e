using SharingHub.Stories;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.SelfHost.Routes;

internal static class WebinarRoutes
{
    public static void MapWebinars(this RouteGroupBuilder api)
    {
        var webinars = api.MapGroup("/webinars").WithTags("Webinars");
        webinars.MapGet("/", WebinarEndpoints.List).Reads<WebinarPage>("Bærekraftsfredag episodes");
        webinars.MapPost("/", WebinarEndpoints.Create).Takes<WebinarDraft, Webinar>("Create an episode", StatusCodes.Status201Created);
        webinars.MapGet("/{id}", WebinarEndpoints.Get).Reads<Webinar>("An episode (ETag)");
        webinars.MapPut("/{id}", WebinarEndpoints.Update).Takes<WebinarDraft, Webinar>("Replace an episode").IfMatch(required: true);
        webinars.MapGet("/{id}/transcript", WebinarEndpoints.Transcript).Reads<Transcript>("An episode's transcript with timestamps");
        webinars.MapPost("/{id}/presentations/{presentationId}/story", WebinarEndpoints.CreateStory)
            .Takes<PresentationStoryRequest, Story>("Draft a story from a presentation", StatusCodes.Status201Created);
        webinars.MapGet("/{id}/assets", WebinarEndpoints.ListAssets).Reads<AssetPage>("An episode's recording, slides and captions");
        webinars.MapPost("/{id}/assets", WebinarEndpoints.RequestUpload).Takes<AssetRequest, UploadTicket>("Start an upload straight to Blob Storage", StatusCodes.Status201Created);
        webinars.MapGet("/{id}/assets/{assetId}", WebinarEndpoints.GetAsset).Reads<WebinarAsset>("One asset");
        webinars.MapPost("/{id}/assets/{assetId}/upload-url", WebinarEndpoints.RenewUpload).Does<UploadTicket>("A fresh upload URL for an unfinished upload");
        webinars.MapPost("/{id}/assets/{assetId}/complete", WebinarEndpoints.Complete).Does<WebinarAsset>("Finish an upload");
    }
}
