using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Digests;
using SharingHub.Networks;
using SharingHub.Networks.Pages;
using SharingHub.Pages;
using SharingHub.Reference.Pages;
using SharingHub.Search;
using SharingHub.Search.Pages;
using SharingHub.Stories;
using SharingHub.Stories.Pages;
using SharingHub.Webinars;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Pages;

namespace SharingHub.Functions;

/// <summary>
/// The public pages at the site's root. Routes are written for host.json's routePrefix "" (pages at /, the API's
/// functions under "api/"), which is how the app is deployed once the API routes carry their own prefix. The front page's
/// route is an optional parameter that must stay empty: the Functions host cannot take "" as a route.
/// </summary>
public sealed class PageFunctions(
    StoryService stories, NetworkService networks, WebinarService webinars, AssetService assets, IDigestWebinarSource episodes, SearchService search, TimeProvider clock)
{
    [Function(nameof(HomePage))]
    [PublicRead]
    public Task<IResult> HomePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{home:maxlength(0)?}")] HttpRequest request, CancellationToken ct) =>
        SitePageEndpoints.Home(request, stories, networks, episodes, clock, ct);

    [Function(nameof(AccessibilityPage))]
    [PublicRead]
    public IResult AccessibilityPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tilgjengelighet")] HttpRequest request) =>
        SitePageEndpoints.Accessibility(request);

    [Function(nameof(DeveloperPage))]
    [PublicRead]
    public IResult DeveloperPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "utviklere")] HttpRequest request) =>
        SitePageEndpoints.Developers(request);

    [Function(nameof(PageStylesheet))]
    [PublicRead]
    public IResult PageStylesheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "css/{file}")] HttpRequest request, string file) =>
        SitePageEndpoints.Stylesheet(request, file);

    [Function(nameof(StoryListPage))]
    [PublicRead]
    public Task<IResult> StoryListPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "historier")] HttpRequest request, CancellationToken ct) =>
        StoryPageEndpoints.List(request, stories, networks, ct);

    [Function(nameof(StoryFeed))]
    [PublicRead]
    public Task<IResult> StoryFeed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "historier.atom")] HttpRequest request, CancellationToken ct) =>
        StoryPageEndpoints.Feed(request, stories, ct);

    [Function(nameof(StoryPage))]
    [PublicRead]
    public Task<IResult> StoryPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "historier/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        StoryPageEndpoints.Show(request, id, stories, networks, webinars, ct);

    [Function(nameof(GoalPage))]
    [PublicRead]
    public Task<IResult> GoalPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "mal/{number}")] HttpRequest request, string number, CancellationToken ct) =>
        PlacePageEndpoints.Goal(request, number, stories, ct);

    [Function(nameof(MunicipalityPage))]
    [PublicRead]
    public Task<IResult> MunicipalityPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kommuner/{kommunenummer}")] HttpRequest request, string kommunenummer, CancellationToken ct) =>
        PlacePageEndpoints.Municipality(request, kommunenummer, stories, ct);

    [Function(nameof(CountyPage))]
    [PublicRead]
    public Task<IResult> CountyPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fylker/{fylkesnummer}")] HttpRequest request, string fylkesnummer, CancellationToken ct) =>
        PlacePageEndpoints.County(request, fylkesnummer, stories, ct);

    [Function(nameof(NetworkPage))]
    [PublicRead]
    public Task<IResult> NetworkPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "nettverk/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        NetworkPageEndpoints.Show(request, id, networks, stories, ct);

    [Function(nameof(WebinarListPage))]
    [PublicRead]
    public Task<IResult> WebinarListPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer")] HttpRequest request, CancellationToken ct) =>
        WebinarPageEndpoints.List(request, webinars, clock, ct);

    [Function(nameof(WebinarFeed))]
    [PublicRead]
    public Task<IResult> WebinarFeed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer.atom")] HttpRequest request, CancellationToken ct) =>
        WebinarPageEndpoints.Feed(request, webinars, ct);

    [Function(nameof(WebinarPage))]
    [PublicRead]
    public Task<IResult> WebinarPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarPageEndpoints.Show(request, id, webinars, assets, stories, clock, ct);

    [Function(nameof(WebinarCalendar))]
    [PublicRead]
    public Task<IResult> WebinarCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer/{id}/kalender.ics")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarPageEndpoints.Calendar(request, id, webinars, clock, ct);

    [Function(nameof(WebinarRecording))]
    [PublicRead]
    public Task<IResult> WebinarRecording([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer/{id}/opptak")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarPageEndpoints.Recording(request, id, webinars, assets, ct);

    [Function(nameof(WebinarSlides))]
    [PublicRead]
    public Task<IResult> WebinarSlides([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer/{id}/lysark")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarPageEndpoints.Slides(request, id, webinars, assets, ct);

    [Function(nameof(WebinarCaptions))]
    [PublicRead]
    public Task<IResult> WebinarCaptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webinarer/{id}/teksting.vtt")] HttpRequest request, string id, CancellationToken ct) =>
        WebinarPageEndpoints.Captions(request, id, webinars, ct);

    [Function(nameof(SearchPage))]
    [PublicRead]
    public Task<IResult> SearchPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sok")] HttpRequest request, CancellationToken ct) =>
        SearchPageEndpoints.Search(request, search, ct);

    [Function(nameof(SiteMap))]
    [PublicRead]
    public Task<IResult> SiteMap([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sitemap.xml")] HttpRequest request, CancellationToken ct) =>
        SiteMapEndpoints.SiteMap(request, stories, networks, webinars, ct);

    [Function(nameof(Robots))]
    [PublicRead]
    public IResult Robots([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "robots.txt")] HttpRequest request) =>
        SiteMapEndpoints.Robots(request);
}
