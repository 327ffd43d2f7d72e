using SharingHub.Search;

namespace SharingHub.SelfHost.Routes;

internal static class SearchRoutes
{
    public static void MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchEndpoints.Search);
        api.MapPost("/search/rebuild", SearchEndpoints.Rebuild);
    }
}
