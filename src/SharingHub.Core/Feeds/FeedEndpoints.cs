using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;

namespace SharingHub.Feeds;

/// <summary>The HTTP face of feed sources (/api/networks/{id}/sources), shared by the self-host and the Functions app.</summary>
public static class FeedEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, string id, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        var draft = await RequestBody.ReadJsonAsync<FeedSourceDraft>(request, ct, maxBytes: 16 * 1024);
        var source = await sources.CreateAsync(id, draft, ct);
        return WithETag(request, source, TypedResults.Created($"/api/networks/{id}/sources/{source.Id}", source));
    }

    public static async Task<IResult> List(HttpRequest request, string id, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        return TypedResults.Ok(await sources.ListAsync(id, ct));
    }

    public static async Task<IResult> Get(HttpRequest request, string id, string sid, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        var source = await sources.GetAsync(id, sid, ct);
        return WithETag(request, source, TypedResults.Ok(source));
    }

    public static async Task<IResult> Update(HttpRequest request, string id, string sid, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        var expected = EntityTag.OptionalIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<FeedSourceDraft>(request, ct, maxBytes: 16 * 1024);
        var source = await sources.UpdateAsync(id, sid, draft, expected, ct);
        return WithETag(request, source, TypedResults.Ok(source));
    }

    public static async Task<IResult> Delete(HttpRequest request, string id, string sid, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        await sources.DeleteAsync(id, sid, EntityTag.OptionalIfMatch(request), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Polls the source now, whatever its schedule, and answers with the poll record; 429 within a minute of the last.</summary>
    public static async Task<IResult> PollNow(HttpRequest request, string id, string sid, FeedSourceService sources, FeedPoller poller, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        var source = await sources.ClaimPollNowAsync(id, sid, ct);
        return TypedResults.Ok(await poller.PollAsync(source, ct));
    }

    public static async Task<IResult> Polls(HttpRequest request, string id, string sid, FeedSourceService sources, CancellationToken ct)
    {
        DemandSecretariat(request, id);
        var query = new QueryReader(request.Query);
        var limit = query.Int("limit", 1, 200) ?? 50;
        query.ThrowIfInvalid();
        return TypedResults.Ok(await sources.PollsAsync(id, sid, limit, ct));
    }

    /// <summary>A network's sources are its secretariat's business (admins always pass).</summary>
    private static void DemandSecretariat(HttpRequest request, string network) => Caller.Of(request).Demand(Role.Secretariat, network);

    private static IResult WithETag(HttpRequest request, FeedSource source, IResult result)
    {
        request.HttpContext.Response.Headers.ETag = EntityTag.For(source.Version);
        return result;
    }
}
