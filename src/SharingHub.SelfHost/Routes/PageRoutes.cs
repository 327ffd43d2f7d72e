using SharingHub.Networks.Pages;
using SharingHub.Pages;
using SharingHub.Reference.Pages;
using SharingHub.Stories.Pages;

namespace SharingHub.SelfHost.Routes;

/// <summary>The public pages live at the root, beside /api.</summary>
internal static class PageRoutes
{
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", SitePageEndpoints.Home);
        app.MapGet("/tilgjengelighet", SitePageEndpoints.Accessibility);
        app.MapGet("/css/{file}", SitePageEndpoints.Stylesheet);
        app.MapGet("/historier", StoryPageEndpoints.List);
        app.MapGet("/historier/{id}", StoryPageEndpoints.Show);
        app.MapGet("/mal/{number}", PlacePageEndpoints.Goal);
        app.MapGet("/kommuner/{kommunenummer}", PlacePageEndpoints.Municipality);
        app.MapGet("/fylker/{fylkesnummer}", PlacePageEndpoints.County);
        app.MapGet("/nettverk/{id}", NetworkPageEndpoints.Show);
    }
}
