using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Webinars.Assets;
using SharingHub.Workspace;

namespace SharingHub.Webinars.Workspace;

/// <summary>
/// What the episode page's upload module asks the hub, as JSON: a write-only URL for one blob (the same ticket as
/// POST /api/webinars/{id}/assets), a fresh URL, the blocks already staged, and complete. Each post carries the page's
/// antiforgery token like any form; field errors come back as ProblemDetails with Norwegian reasons to show.
/// </summary>
public static class OrganiserUploadEndpoints
{
    public static async Task<IResult> RequestUpload(HttpRequest request, string id, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var form = await WorkspaceForms.ReadAsync(request, ct);
        var body = new AssetRequest(
            form["kind"].ToString(),
            form["fileName"].ToString(),
            form["contentType"].ToString(),
            long.TryParse(form["size"], out var size) ? size : null,
            string.IsNullOrWhiteSpace(form["presentationId"]) ? null : form["presentationId"].ToString());
        try
        {
            var ticket = await assets.RequestUploadAsync(id, body, ct);
            return TypedResults.Created($"/api/webinars/{id}/assets/{ticket.AssetId}", ticket);
        }
        catch (ValidationFailedException invalid)
        {
            var messages = Page.Text(request).Workspace.Organiser.UploadErrors;
            return TypedResults.ValidationProblem(
                invalid.Errors.ToDictionary(e => e.Key, e => messages.TryGetValue(e.Key, out var message) ? [message] : e.Value),
                title: "The request has invalid fields.");
        }
    }

    public static async Task<IResult> RenewUpload(HttpRequest request, string id, string assetId, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        await WorkspaceForms.ReadAsync(request, ct);
        return TypedResults.Ok(await assets.RenewUploadAsync(id, assetId, ct));
    }

    /// <summary>The block ids Blob Storage already holds for the upload, so that a resumed upload skips them.</summary>
    public static async Task<IResult> StagedBlocks(HttpRequest request, string id, string assetId, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        return TypedResults.Ok(new StagedBlocks(await assets.StagedBlocksAsync(id, assetId, ct)));
    }

    public static async Task<IResult> Complete(HttpRequest request, string id, string assetId, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        await WorkspaceForms.ReadAsync(request, ct);
        return TypedResults.Ok(await assets.CompleteAsync(id, assetId, ct));
    }
}

public sealed record StagedBlocks(IReadOnlyList<string> Blocks);
