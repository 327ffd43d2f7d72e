using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Webinars.Assets;

namespace SharingHub.Webinars;

/// <summary>The HTTP face of webinars, shared by the self-host and the Functions app.</summary>
public static class WebinarEndpoints
{
    private static readonly string[] StatusNames = [.. WebinarRules.Statuses];

    public static async Task<IResult> Create(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        var draft = await RequestBody.ReadJsonAsync<WebinarDraft>(request, ct);
        var webinar = await webinars.CreateAsync(draft, ct);
        return WithETag(request, webinar, TypedResults.Created($"/api/webinars/{webinar.Id}", webinar));
    }

    public static async Task<IResult> Get(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        var webinar = await webinars.GetAsync(id, ct);
        return WithETag(request, webinar, TypedResults.Ok(webinar));
    }

    public static async Task<IResult> Update(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        var expected = EntityTag.RequiredIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<WebinarDraft>(request, ct);
        var webinar = await webinars.UpdateAsync(id, draft, expected, ct);
        return WithETag(request, webinar, TypedResults.Ok(webinar));
    }

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
        var items = await webinars.ListAsync(from, to, WebinarRules.ParseStatus(status), ct);
        return TypedResults.Ok(new WebinarPage(items));
    }

    public static async Task<IResult> CreateStory(HttpRequest request, string id, string presentationId, WebinarService webinars, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync<PresentationStoryRequest>(request, ct, maxBytes: 16 * 1024);
        var story = await webinars.CreateStoryAsync(id, presentationId, body, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(story.Version);
        return TypedResults.Created($"/api/stories/{story.Id}", story);
    }

    public static async Task<IResult> Transcript(string id, WebinarService webinars, CancellationToken ct) =>
        TypedResults.Ok(await webinars.GetTranscriptAsync(id, ct));

    public static async Task<IResult> RequestUpload(HttpRequest request, string id, AssetService assets, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync<AssetRequest>(request, ct, maxBytes: 16 * 1024);
        var ticket = await assets.RequestUploadAsync(id, body, ct);
        return TypedResults.Created($"/api/webinars/{id}/assets/{ticket.AssetId}", ticket);
    }

    public static async Task<IResult> RenewUpload(string id, string assetId, AssetService assets, CancellationToken ct) =>
        TypedResults.Ok(await assets.RenewUploadAsync(id, assetId, ct));

    public static async Task<IResult> Complete(string id, string assetId, AssetService assets, CancellationToken ct) =>
        TypedResults.Ok(await assets.CompleteAsync(id, assetId, ct));

    public static async Task<IResult> GetAsset(string id, string assetId, AssetService assets, CancellationToken ct) =>
        TypedResults.Ok(await assets.GetAsync(id, assetId, ct));

    public static async Task<IResult> ListAssets(string id, AssetService assets, CancellationToken ct) =>
        TypedResults.Ok(new AssetPage(await assets.ListAsync(id, ct)));

    private static IResult WithETag(HttpRequest request, Webinar webinar, IResult result)
    {
        request.HttpContext.Response.Headers.ETag = EntityTag.For(webinar.Version);
        return result;
    }
}

public sealed record WebinarPage(IReadOnlyList<Webinar> Items);

public sealed record AssetPage(IReadOnlyList<WebinarAsset> Items);
