using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Webinars.Assets;

namespace SharingHub.Webinars;

/// <summary>The HTTP face of webinars, shared by the self-host and the Functions app.</summary>
public static class WebinarEndpoints
{
    private static readonly string[] StatusNames = [.. WebinarRules.Statuses];

    public static async Task<IResult> Create(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var draft = await RequestBody.ReadJsonAsync<WebinarDraft>(request, ct);
        var webinar = await webinars.CreateAsync(draft, ct);
        return WithETag(request, webinar, TypedResults.Created($"/api/webinars/{webinar.Id}", webinar));
    }

    [PublicRead]
    public static async Task<IResult> Get(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        var webinar = await VisibleAsync(request, id, webinars, ct);
        return WithETag(request, webinar, TypedResults.Ok(ShownTo(Caller.Of(request), webinar)));
    }

    public static async Task<IResult> Update(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var expected = EntityTag.RequiredIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<WebinarDraft>(request, ct);
        var webinar = await webinars.UpdateAsync(id, draft, expected, ct);
        return WithETag(request, webinar, TypedResults.Ok(webinar));
    }

    [PublicRead]
    public static async Task<IResult> List(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var from = query.Timestamp("from");
        var to = query.Timestamp("to");
        var status = query.OneOf("status", StatusNames);
        if (from is not null && to is not null && to <= from)
        {
            query.Errors.Add("to", "must be later than from");
        }
        query.ThrowIfInvalid();
        var caller = Caller.Of(request);
        if (!caller.Has(Role.Organiser))
        {
            // The public sees published episodes only; asking for others needs the organiser role.
            if (status is not null && WebinarRules.ParseStatus(status) != WebinarStatus.Published)
            {
                caller.Demand(Role.Organiser);
            }
            status = "published";
        }
        var items = await webinars.ListAsync(from, to, WebinarRules.ParseStatus(status), ct);
        return TypedResults.Ok(new WebinarPage([.. items.Select(w => ShownTo(caller, w))]));
    }

    public static async Task<IResult> CreateStory(HttpRequest request, string id, string presentationId, WebinarService webinars, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var body = await RequestBody.ReadJsonAsync<PresentationStoryRequest>(request, ct, maxBytes: 16 * 1024);
        var story = await webinars.CreateStoryAsync(id, presentationId, body, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(story.Version);
        return TypedResults.Created($"/api/stories/{story.Id}", story);
    }

    [PublicRead]
    public static async Task<IResult> Transcript(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        await VisibleAsync(request, id, webinars, ct);
        return TypedResults.Ok(await webinars.GetTranscriptAsync(id, ct));
    }

    public static async Task<IResult> RequestUpload(HttpRequest request, string id, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var body = await RequestBody.ReadJsonAsync<AssetRequest>(request, ct, maxBytes: 16 * 1024);
        var ticket = await assets.RequestUploadAsync(id, body, ct);
        return TypedResults.Created($"/api/webinars/{id}/assets/{ticket.AssetId}", ticket);
    }

    public static async Task<IResult> RenewUpload(HttpRequest request, string id, string assetId, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        return TypedResults.Ok(await assets.RenewUploadAsync(id, assetId, ct));
    }

    public static async Task<IResult> Complete(HttpRequest request, string id, string assetId, AssetService assets, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        return TypedResults.Ok(await assets.CompleteAsync(id, assetId, ct));
    }

    /// <summary>The public sees an available asset's metadata of a published episode; the read URL needs a key.</summary>
    [PublicRead]
    public static async Task<IResult> GetAsset(HttpRequest request, string id, string assetId, WebinarService webinars, AssetService assets, CancellationToken ct)
    {
        await VisibleAsync(request, id, webinars, ct);
        var asset = await assets.GetAsync(id, assetId, ct);
        var caller = Caller.Of(request);
        if (caller.Has(Role.Organiser))
        {
            return TypedResults.Ok(asset);
        }
        if (asset.Status != AssetStatus.Available)
        {
            throw new NotFoundException("Asset", assetId);
        }
        return TypedResults.Ok(caller.IsAuthenticated ? asset with { CaptionsIssues = null } : PublicView(asset));
    }

    [PublicRead]
    public static async Task<IResult> ListAssets(HttpRequest request, string id, WebinarService webinars, AssetService assets, CancellationToken ct)
    {
        await VisibleAsync(request, id, webinars, ct);
        var items = await assets.ListAsync(id, ct);
        return TypedResults.Ok(new AssetPage(Caller.Of(request).Has(Role.Organiser)
            ? items
            : [.. items.Where(a => a.Status == AssetStatus.Available).Select(PublicView)]));
    }

    /// <summary>Metadata only: no download URL, and what the captions reader skipped is for the organisers.</summary>
    private static WebinarAsset PublicView(WebinarAsset asset) => asset with { ReadUrl = null, ReadUrlExpiresAt = null, CaptionsIssues = null };

    /// <summary>Speakers' e-mail addresses are personal data: only organisers see them.</summary>
    private static Webinar ShownTo(Caller caller, Webinar webinar) => caller.Has(Role.Organiser)
        ? webinar
        : webinar with
        {
            Presentations = [.. webinar.Presentations.Select(p => p with { Speakers = [.. p.Speakers.Select(s => s with { Email = null })] })],
        };

    /// <summary>An episode the caller may see: organisers see all, everyone else only published ones (others are 404, not 403).</summary>
    private static async Task<Webinar> VisibleAsync(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        var webinar = await webinars.GetAsync(id, ct);
        if (webinar.Status != WebinarStatus.Published && !Caller.Of(request).Has(Role.Organiser))
        {
            throw new NotFoundException("Webinar", id);
        }
        return webinar;
    }

    private static IResult WithETag(HttpRequest request, Webinar webinar, IResult result)
    {
        request.HttpContext.Response.Headers.ETag = EntityTag.For(webinar.Version);
        return result;
    }
}

public sealed record WebinarPage(IReadOnlyList<Webinar> Items);

public sealed record AssetPage(IReadOnlyList<WebinarAsset> Items);
