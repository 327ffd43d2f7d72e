using SharingHub.Networks.Pages;
using SharingHub.Pages;
using SharingHub.Reference.Pages;
using SharingHub.Search.Pages;
using SharingHub.Stories.Pages;
using SharingHub.Webinars.Pages;

namespace SharingHub.SelfHost.Routes;

/// <summary>The public pages live at the root, beside /api.</summary>
internal static class PageRoutes
{
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", SitePageEndpoints.Home);
        app.MapGet("/tilgjengelighet", SitePageEndpoints.Accessibility);
        app.MapGet("/utviklere", SitePageEndpoints.Developers);
        app.MapGet("/css/{file}", SitePageEndpoints.Stylesheet);
        app.MapGet("/historier", StoryPageEndpoints.List);
        app.MapGet("/historier.atom", StoryPageEndpoints.Feed);
        app.MapGet("/historier/{id}", StoryPageEndpoints.Show);
        app.MapGet("/mal/{number}", PlacePageEndpoints.Goal);
        app.MapGet("/kommuner/{kommunenummer}", PlacePageEndpoints.Municipality);
        app.MapGet("/fylker/{fylkesnummer}", PlacePageEndpoints.County);
        app.MapGet("/nettverk/{id}", NetworkPageEndpoints.Show);
        app.MapGet("/webinarer", WebinarPageEndpoints.List);
        app.MapGet("/webinarer.atom", WebinarPageEndpoints.Feed);
        app.MapGet("/webinarer/{id}", WebinarPageEndpoints.Show);
        app.MapGet("/webinarer/{id}/kalender.ics", WebinarPageEndpoints.Calendar);
        app.MapGet("/webinarer/{id}/opptak", WebinarPageEndpoints.Recording);
        app.MapGet("/webinarer/{id}/lysark", WebinarPageEndpoints.Slides);
        app.MapGet("/webinarer/{id}/teksting.vtt", WebinarPageEndpoints.Captions);
        app.MapGet("/sok", SearchPageEndpoints.Search);
        app.MapGet("/sitemap.xml", SiteMapEndpoints.SiteMap);
        app.MapGet("/robots.txt", SiteMapEndpoints.Robots);
    }
}
