using SharingHub.Search;

namespace SharingHub.SelfHost.Routes;

internal static class SearchRoutes
{
    public static void MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchEndpoints.Search).Reads<SearchPage>("Search published stories and episodes, transcripts included");
        api.MapPost("/search/rebuild", SearchEndpoints.Rebuild).Does<RebuildAccepted>("Rebuild the search index from Table Storage", StatusCodes.Status202Accepted);
    }
}
