using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Stories;
using SharingHub.Stories.Pages;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars.Pages;

/// <summary>
/// Bærekraftsfredag for everyone: published episodes, past ones with their files and upcoming ones with how to join.
/// Planned and held episodes are not shown, as in the API and the digests: nothing unpublished, ever. Files are answered with a redirect to a short-lived read
/// link, so no signed URL ever sits in a cached page; captions come from the hub's own origin (a track needs that).
/// </summary>
public static class WebinarPageEndpoints
{
    [PublicRead]
    public static async Task<IResult> List(HttpRequest request, WebinarService webinars, TimeProvider clock, CancellationToken ct)
    {
        var text = Page.Text(request);
        var now = clock.GetUtcNow();
        var upcoming = await webinars.ListAsync(now, null, WebinarStatus.Published, ct);
        var published = await webinars.ListAsync(null, now, WebinarStatus.Published, ct);
        var view = new WebinarListView(
            Page.Frame(request, text.WebinarsTitle) with { Description = text.WebinarsIntro, FeedUrl = FeedPath },
            [.. upcoming.Select(w => new EpisodeItem(WebinarLinks.Page(w.Id), w.Title, When(w, text), w.Description, w.TeamsUrl, WebinarLinks.Calendar(w.Id)))],
            [.. published.Reverse().Select(w => new EpisodeItem(WebinarLinks.Page(w.Id), w.Title, text.Date(w.StartsAt), w.Description, null, null))]);
        return Page.Render<WebinarListPage>(view);
    }

    public const string FeedPath = "/webinarer.atom";

    /// <summary>/webinarer.atom: published episodes, newest first, as Atom 1.0.</summary>
    [PublicRead]
    public static async Task<IResult> Feed(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        var text = Page.Text(request);
        var origin = Page.Origin(request);
        var published = await webinars.ListAsync(null, null, WebinarStatus.Published, ct);
        var items = published.Reverse().Take(StoryPageEndpoints.FeedSize)
            .Select(w => AtomFeed.Item(text, origin + WebinarLinks.Page(w.Id), w.Title, w.Description, w.StartsAt, w.UpdatedAt))
            .ToList();
        return AtomFeed.Answer(request, text, $"{text.WebinarsTitle} – {text.SiteName}", origin + FeedPath, origin + "/webinarer", items);
    }

    [PublicRead]
    public static async Task<IResult> Show(
        HttpRequest request, string id, WebinarService webinars, AssetService assets, StoryService stories, TimeProvider clock, CancellationToken ct)
    {
        var webinar = await PublishedAsync(id, webinars, ct);
        if (webinar is null)
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var frame = Page.Frame(request, webinar.Title) with { Description = webinar.Description };
        if (webinar.StartsAt > clock.GetUtcNow())
        {
            return Page.Render<WebinarPage>(new WebinarView(frame, webinar.Title, When(webinar, text), webinar.Description, webinar.Audience,
                Upcoming: true, webinar.TeamsUrl, WebinarLinks.Calendar(webinar.Id), null, null, null, [], []));
        }
        var available = (await assets.ListAsync(id, ct)).Where(a => a.Status == AssetStatus.Available).ToList();
        var recording = available.Any(a => a.Kind == AssetKind.Recording);
        var transcript = webinar.Transcript is null ? null : await webinars.GetTranscriptAsync(id, ct);
        var chapters = new List<ChapterItem>();
        foreach (var presentation in webinar.Presentations.OrderBy(p => p.OffsetSeconds ?? int.MaxValue))
        {
            chapters.Add(new ChapterItem(
                presentation.Id,
                presentation.Title,
                string.Join(", ", presentation.Speakers.Select(s => s.Organisation is null ? s.Name : $"{s.Name}, {s.Organisation}")),
                presentation.OffsetSeconds,
                presentation.OffsetSeconds is { } start ? StoryLinks.Clock(start) : null,
                recording && presentation.OffsetSeconds is { } offset ? WebinarLinks.RecordingAt(id, offset) : null,
                await PublishedStoryUrlAsync(presentation.StoryId, stories, ct)));
        }
        var lines = transcript?.Segments.Select(s => new TranscriptLine(
            StoryLinks.Clock((int)s.Start), recording ? WebinarLinks.RecordingAt(id, s.Start) : null, s.Speaker, s.Text)).ToList() ?? [];
        return Page.Render<WebinarPage>(new WebinarView(frame, webinar.Title, text.Date(webinar.StartsAt), webinar.Description, webinar.Audience,
            Upcoming: false, null, null,
            recording ? WebinarLinks.Recording(id) : null,
            recording && transcript is not null ? WebinarLinks.Captions(id) : null,
            available.Any(a => a.Kind == AssetKind.Slides) ? WebinarLinks.Slides(id) : null,
            chapters, lines));
    }

    /// <summary>/webinarer/{id}/kalender.ics: an upcoming episode as a calendar event.</summary>
    [PublicRead]
    public static async Task<IResult> Calendar(HttpRequest request, string id, WebinarService webinars, TimeProvider clock, CancellationToken ct)
    {
        var webinar = await PublishedAsync(id, webinars, ct);
        if (webinar is null || webinar.StartsAt <= clock.GetUtcNow())
        {
            return Page.NotFound(request);
        }
        var page = Page.Origin(request) + WebinarLinks.Page(id);
        request.HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"baerekraftsfredag.ics\"";
        return TypedResults.Text(EpisodeCalendar.For(webinar, page, clock.GetUtcNow()), "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>/webinarer/{id}/opptak: 302 to a read link for the published episode's recording, valid for minutes.</summary>
    [PublicRead]
    public static Task<IResult> Recording(HttpRequest request, string id, WebinarService webinars, AssetService assets, CancellationToken ct) =>
        FileAsync(request, id, AssetKind.Recording, webinars, assets, ct);

    /// <summary>/webinarer/{id}/lysark: 302 to a read link for the published episode's slides.</summary>
    [PublicRead]
    public static Task<IResult> Slides(HttpRequest request, string id, WebinarService webinars, AssetService assets, CancellationToken ct) =>
        FileAsync(request, id, AssetKind.Slides, webinars, assets, ct);

    /// <summary>/webinarer/{id}/teksting.vtt: the episode's captions as WebVTT, from the hub's own origin, marked as automatic.</summary>
    [PublicRead]
    public static async Task<IResult> Captions(HttpRequest request, string id, WebinarService webinars, CancellationToken ct)
    {
        var webinar = await PublishedAsync(id, webinars, ct);
        if (webinar?.Transcript is null)
        {
            return Page.NotFound(request);
        }
        var transcript = await webinars.GetTranscriptAsync(id, ct);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(WebVtt(transcript), "text/vtt; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> FileAsync(HttpRequest request, string id, AssetKind kind, WebinarService webinars, AssetService assets, CancellationToken ct)
    {
        if (await PublishedAsync(id, webinars, ct) is null)
        {
            return Page.NotFound(request);
        }
        var latest = (await assets.ListAsync(id, ct)).LastOrDefault(a => a.Kind == kind && a.Status == AssetStatus.Available);
        var url = latest is null ? null : (await assets.GetAsync(id, latest.AssetId, ct)).ReadUrl;
        if (url is null)
        {
            return Page.NotFound(request);
        }
        // The link is signed and short-lived: nobody may keep the redirect.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(url.AbsoluteUri);
    }

    private static async Task<Webinar?> PublishedAsync(string id, WebinarService webinars, CancellationToken ct) =>
        await FindAsync(id, webinars, ct) is { Status: WebinarStatus.Published } webinar ? webinar : null;

    private static async Task<Webinar?> FindAsync(string id, WebinarService webinars, CancellationToken ct)
    {
        if (!WebinarRules.IsId(id))
        {
            return null;
        }
        try
        {
            return await webinars.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<string?> PublishedStoryUrlAsync(string? storyId, StoryService stories, CancellationToken ct)
    {
        if (storyId is null)
        {
            return null;
        }
        try
        {
            return (await stories.GetAsync(storyId, ct)).Status == StoryStatus.Published ? StoryLinks.Page(storyId) : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static string When(Webinar webinar, PageText text) => $"{text.Date(webinar.StartsAt)}, {text.Time(webinar.StartsAt)}";

    /// <summary>The transcript as WebVTT, cue text escaped, with the notice that it is machine-made.</summary>
    internal static string WebVtt(Transcript transcript)
    {
        var vtt = new StringBuilder("WEBVTT\n\nNOTE\n").Append(Cue(transcript.Notice)).Append("\n\n");
        var number = 0;
        foreach (var segment in transcript.Segments)
        {
            vtt.Append(++number).Append('\n')
                .Append(Stamp(segment.Start)).Append(" --> ").Append(Stamp(Math.Max(segment.End, segment.Start))).Append('\n');
            if (segment.Speaker is { } speaker)
            {
                vtt.Append("<v ").Append(Cue(speaker)).Append('>');
            }
            vtt.Append(Cue(segment.Text)).Append("\n\n");
        }
        return vtt.ToString();
    }

    private static string Stamp(double seconds)
    {
        var time = TimeSpan.FromSeconds(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
    }

    private static string Cue(string text) => text.ReplaceLineEndings(" ")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
