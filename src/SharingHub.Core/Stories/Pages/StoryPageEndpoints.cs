using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Reference;
using SharingHub.Webinars;

namespace SharingHub.Stories.Pages;

/// <summary>The story pages, shared by both hosts. They read through the same services as GET /api/stories: published only.</summary>
public static class StoryPageEndpoints
{
    /// <summary>/historier: the listing with its filters as a GET form, paged with the continuation token.</summary>
    [PublicRead]
    public static async Task<IResult> List(HttpRequest request, StoryService stories, NetworkService networks, CancellationToken ct)
    {
        var text = Page.Text(request);
        var form = StoryFilterForm.From(request.Query);
        StoryQuery? query = null;
        IReadOnlyList<string> invalid = [];
        try
        {
            query = StoryQueryParser.Parse(form.ToQuery());
        }
        catch (ValidationFailedException failed)
        {
            invalid = [.. failed.Errors.Keys];
        }
        var page = query is null ? new StoryPage([], null) : await stories.ListAsync(query, ct);
        var view = new StoryListView(
            Page.Frame(request, text.StoriesTitle) with { Description = text.StoriesIntro, FeedUrl = form.FeedUrl, CanonicalUrl = Page.Origin(request) + form.Url() },
            form,
            invalid,
            [.. page.Items.Select(s => StoryCardView.From(s, text))],
            page.ContinuationToken is { } next ? form.Url(next) : null,
            form.ContinuationToken is not null,
            await NetworkChoicesAsync(networks, ct));
        return Page.Render<StoryListPage>(view, invalid.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>/historier/{id}: the whole story. A story that is not published is not found, as in the API.</summary>
    [PublicRead]
    public static async Task<IResult> Show(HttpRequest request, string id, StoryService stories, NetworkService networks, WebinarService webinars, CancellationToken ct)
    {
        Story story;
        try
        {
            story = await stories.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return Page.NotFound(request);
        }
        if (story.Status != StoryStatus.Published)
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var reference = ReferenceData.Instance;
        var municipality = story.Kommunenummer is null ? null : reference.MunicipalityByNumber.GetValueOrDefault(story.Kommunenummer);
        var county = story.Fylkesnummer is null ? null : reference.CountyByNumber.GetValueOrDefault(story.Fylkesnummer);
        var view = new StoryView(
            Page.Frame(request, story.Title) with { Description = StoryCardView.Shorten(story.Summary), OpenGraphType = "article" },
            story,
            story.PublishedAt is { } published ? text.Date(published) : null,
            municipality,
            county,
            (story.Network, await NetworkNameAsync(networks, story.Network, ct)),
            story.Sector is null ? null : text.Sectors.GetValueOrDefault(story.Sector, story.Sector),
            story.Novelty is null ? null : text.Novelties.GetValueOrDefault(story.Novelty, story.Novelty),
            story.Resources is null ? null : text.ResourceLevels.GetValueOrDefault(story.Resources, story.Resources),
            [.. story.Goals.Select(g => reference.Goals[g - 1])],
            [.. story.Targets.Select(t => reference.TargetById.GetValueOrDefault(t)).OfType<OfficialTarget>()],
            [.. story.LocalTargets.Select(t => (text.Format(text.LocalTargetOwner, OwnerName(t.Owner, municipality)), t.Code, t.Text))],
            await PresentationAsync(story, webinars, text, ct));
        return Page.Render<StoryDetailPage>(view);
    }

    public const int FeedSize = 50;

    /// <summary>/historier.atom?goal=&amp;kommune=…: the newest published stories for the same filters, as Atom 1.0.</summary>
    [PublicRead]
    public static async Task<IResult> Feed(HttpRequest request, StoryService stories, CancellationToken ct)
    {
        var form = StoryFilterForm.From(request.Query) with { ContinuationToken = null };
        var query = StoryQueryParser.Parse(form.ToQuery()) with { Limit = FeedSize }; // a wrong filter is a 400 ProblemDetails, as in the API
        var page = await stories.ListAsync(query, ct);
        var origin = Page.Origin(request);
        var text = Page.Text(request);
        var items = page.Items
            .Select(s => AtomFeed.Item(text, origin + StoryLinks.Page(s.Id), s.Title, s.Summary, s.PublishedAt ?? s.UpdatedAt, s.UpdatedAt))
            .ToList();
        return AtomFeed.Answer(request, text, $"{text.StoriesTitle} – {text.SiteName}", origin + form.FeedUrl, origin + form.Url(), items);
    }

    /// <summary>Every network, for the filter's choices, by name.</summary>
    internal static async Task<IReadOnlyList<(string Id, string Name)>> NetworkChoicesAsync(NetworkService networks, CancellationToken ct) =>
        [.. (await networks.DirectoryAsync(ct)).OrderBy(n => n.Name, Page.NorwegianOrder).Select(n => (n.Id, n.Name))];

    private static async Task<string> NetworkNameAsync(NetworkService networks, string id, CancellationToken ct) =>
        (await networks.DirectoryAsync(ct)).FirstOrDefault(n => n.Id == id)?.Name ?? id;

    private static string OwnerName(string? owner, Municipality? storyMunicipality) =>
        owner is not null && ReferenceData.Instance.MunicipalityByNumber.TryGetValue(owner, out var m) ? m.Name
            : owner ?? storyMunicipality?.Name ?? string.Empty;

    /// <summary>The chapter of a published episode where this story was presented, if there is one.</summary>
    private static async Task<PresentationView?> PresentationAsync(Story story, WebinarService webinars, SharingHub.Pages.Text.PageText text, CancellationToken ct)
    {
        if (story.Presentation is not { } link)
        {
            return null;
        }
        try
        {
            var webinar = await webinars.GetAsync(link.WebinarId, ct);
            var presentation = webinar.Presentations.FirstOrDefault(p => p.Id == link.PresentationId);
            if (webinar.Status != WebinarStatus.Published || presentation?.OffsetSeconds is not { } offset)
            {
                return null;
            }
            return new PresentationView($"/webinarer/{Uri.EscapeDataString(webinar.Id)}#{Uri.EscapeDataString(presentation.Id)}",
                text.Date(webinar.StartsAt), StoryLinks.Clock(offset));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
