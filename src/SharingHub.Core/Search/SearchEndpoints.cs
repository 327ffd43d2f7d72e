using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Pages;

namespace SharingHub.Search;

/// <summary>GET /api/search (public: published content only; each hit's url is its page's) and POST /api/search/rebuild (admins).</summary>
public static class SearchEndpoints
{
    [PublicRead]
    public static async Task<IResult> Search(HttpRequest request, SearchService search, CancellationToken ct)
    {
        var parsed = SearchRequestParser.Parse(request.Query);
        var page = await search.SearchAsync(parsed, ct);
        var origin = Page.Origin(request);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(h => h with { Url = origin + h.Url })] });
    }

    /// <summary>Rebuilds the index from Table Storage in the next indexing cycle: repairs any drift.</summary>
    public static async Task<IResult> Rebuild(HttpRequest request, ISearchNoticeQueue notices, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        await notices.SendAsync(SearchNotice.Rebuild, ct);
        return TypedResults.Accepted((string?)null, new RebuildAccepted("queued", "The index is rebuilt from the stored stories and episodes in the next indexing cycle."));
    }
}

public sealed record RebuildAccepted(string Status, string Detail);

/// <summary>Searches the newest snapshot this instance holds.</summary>
public sealed class SearchService(SearchIndexHolder holder, SearchEngine engine)
{
    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Words.IsEmpty)
        {
            return SearchPage.Empty; // only punctuation, operators or stop words: nothing to look for
        }
        using var lease = await holder.AcquireAsync(ct);
        return lease is null ? SearchPage.Empty : engine.Search(lease.Searcher, request);
    }
}
