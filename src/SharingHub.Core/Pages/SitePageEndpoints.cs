using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Digests;
using SharingHub.Networks;
using SharingHub.Stories;
using SharingHub.Stories.Pages;
using SharingHub.Webinars.Pages;

namespace SharingHub.Pages;

/// <summary>The front page, the accessibility statement, the page for developers and the stylesheet: shared by both hosts.</summary>
public static class SitePageEndpoints
{
    public const int NewestCount = 6;

    /// <summary>/: the newest stories, the next Bærekraftsfredag, a search box, and the ways in (goals, counties, networks).</summary>
    [PublicRead]
    public static async Task<IResult> Home(
        HttpRequest request, StoryService stories, NetworkService networks, IDigestWebinarSource webinars, TimeProvider clock, CancellationToken ct)
    {
        var text = Page.Text(request);
        var newest = await stories.ListAsync(new StoryQuery { Limit = NewestCount }, ct);
        var next = await webinars.GetNextEpisodeAsync(clock.GetUtcNow(), ct);
        var view = new HomeView(
            Page.Frame(request, text.SiteName) with { Description = text.HomeIntro, FeedUrl = "/historier.atom" },
            [.. newest.Items.Select(s => StoryCardView.From(s, text))],
            next is null ? null : new EpisodeTeaser(next.Title, $"{text.Date(next.StartsAt)}, {text.Time(next.StartsAt)}", next.Url,
                WebinarLinks.Page(next.Id), WebinarLinks.Calendar(next.Id)),
            await StoryPageEndpoints.NetworkChoicesAsync(networks, ct));
        return Page.Render<HomePage>(view);
    }

    /// <summary>/tilgjengelighet: the accessibility statement.</summary>
    [PublicRead]
    public static IResult Accessibility(HttpRequest request) =>
        Page.Render<AccessibilityPage>(new AccessibilityView(Page.Frame(request, Page.Text(request).Accessibility.Title)));

    /// <summary>/utviklere: for developers of the networks' own systems (keys, idempotency, ETags, import, errors, limits, feeds).</summary>
    [PublicRead]
    public static IResult Developers(HttpRequest request)
    {
        var text = Page.Text(request);
        return Page.Render<DeveloperPage>(new DeveloperView(Page.Frame(request, text.Developers.Title) with { Description = text.Developers.Intro }));
    }

    /// <summary>/css/hub.{hash}.css: the one stylesheet, cached for a year; gzip when the browser takes it.</summary>
    [PublicRead]
    public static IResult Stylesheet(HttpRequest request, string file)
    {
        var styles = PageStyles.Instance;
        if (file != styles.FileName)
        {
            return TypedResults.NotFound(); // an old hash: the page that asked for it is older than this build
        }
        return ImmutableFile.Serve(request, styles.Css, styles.Gzipped, "text/css; charset=utf-8");
    }
}

public sealed record HomeView(PageFrame Frame, IReadOnlyList<StoryCardView> Newest, EpisodeTeaser? NextEpisode, IReadOnlyList<(string Id, string Name)> Networks);

/// <summary>The next Bærekraftsfredag: title, when (Oslo time), and the Teams link to join.</summary>
public sealed record EpisodeTeaser(string Title, string When, string? TeamsUrl, string PageUrl, string CalendarUrl);

public sealed record AccessibilityView(PageFrame Frame);

public sealed record DeveloperView(PageFrame Frame);
