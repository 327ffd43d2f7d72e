using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Access;
using SharingHub.Testing;

namespace SharingHub.Tests.Access;

public sealed class DefaultDenyTests
{
    /// <summary>The routes anyone may read. A new entry here must be a decision, so this list is spelled out.</summary>
    private static readonly string[] PublicRoutes =
    [
        "GET /api/reference/goals", "GET /api/reference/targets", "GET /api/reference/municipalities", "GET /api/reference/counties",
        "GET /api/networks/", "GET /api/networks/{id}", "GET /api/stories/", "GET /api/stories/{id}",
        "GET /api/webinars/", "GET /api/webinars/{id}", "GET /api/webinars/{id}/transcript",
        "GET /api/webinars/{id}/assets", "GET /api/webinars/{id}/assets/{assetId}",
        "GET /api/search", // published content only (issue 11)
        "GET /", "GET /tilgjengelighet", "GET /utviklere", "GET /css/{file}", "GET /historier", "GET /historier/{id}", "GET /mal/{number}",
        "GET /kommuner/{kommunenummer}", "GET /fylker/{fylkesnummer}", "GET /nettverk/{id}",
        "GET /historier.atom", "GET /webinarer.atom", "GET /webinarer", "GET /webinarer/{id}", "GET /webinarer/{id}/kalender.ics", "GET /webinarer/{id}/opptak",
        "GET /webinarer/{id}/lysark", "GET /webinarer/{id}/teksting.vtt",
        "GET /api/openapi.json",
        "GET /sok", "GET /sitemap.xml", "GET /robots.txt", // published content only (issue 12)
        "GET /js/{file}", // the upload module of the organiser's page: a static file, like the stylesheet (issue 13)
        "GET /logg-inn", "GET /logg-inn/microsoft", "GET /logg-inn/microsoft/svar", // signing in (issue 13)
        "POST /logg-inn", "POST /logg-ut", // [PublicForm]: the forms that sign in and out, antiforgery token required
    ];

    [Fact]
    public async Task EveryRouteWithoutAPublicReadDeclarationRefusesAnonymousCallers()
    {
        await using var hub = await HubApp.StartAsync();
        var anonymous = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.Remove("X-Api-Key");
        var routes = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Pattern: e.RoutePattern.RawText!,
                    Public: e.Metadata.GetMetadata<PublicReadAttribute>() is not null || e.Metadata.GetMetadata<PublicFormAttribute>() is not null)))
            .ToList();

        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found; is the endpoint source the app's?");
        Assert.Equal(PublicRoutes.Order(), routes.Where(r => r.Public).Select(r => $"{r.Method} {r.Pattern}").Order());
        foreach (var (method, pattern, isPublic) in routes)
        {
            var path = pattern.Replace("{id}", "x1", StringComparison.Ordinal).Replace("{email}", "someone@kommune.no", StringComparison.Ordinal);
            using var request = AccessTestData.Request(new HttpMethod(method), path, method is "POST" or "PUT" ? new { } : null);
            using var response = await anonymous.SendAsync(request);
            if (isPublic)
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else if (pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} answered {(int)response.StatusCode} without a key");
                Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
                await AccessTestData.ProblemAsync(response);
            }
            else if (method == "GET")
            {
                // A page: the person is sent to sign in, and comes back here afterwards.
                Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{method} {pattern} answered {(int)response.StatusCode} without a key");
                Assert.StartsWith("/logg-inn?tilbake=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} answered {(int)response.StatusCode} without a key");
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task UnknownRoutesAndUnknownKeysAreRefusedWithoutSayingMore()
    {
        await using var hub = await HubApp.StartAsync();

        using var unknownRoute = await hub.CreateAnonymousClient().GetAsync("/api/not-a-route");
        using var wrongKey = await hub.CreateClientWithKey("shk_" + new string('a', 32) + "_" + new string('b', 43)).GetAsync("/api/stories");
        using var garbageKey = await hub.CreateClientWithKey("'; DROP TABLE --").GetAsync("/api/stories");

        Assert.Equal(HttpStatusCode.Unauthorized, unknownRoute.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode); // even on a public route: a bad key is never ignored
        Assert.Equal(HttpStatusCode.Unauthorized, garbageKey.StatusCode);
    }
}
