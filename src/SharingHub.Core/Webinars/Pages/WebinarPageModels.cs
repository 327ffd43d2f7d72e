using SharingHub.Pages;

namespace SharingHub.Webinars.Pages;

/// <summary>An episode in a list: its title, when, and (for an upcoming one) how to join.</summary>
public sealed record EpisodeItem(string Url, string Title, string When, string? Description, string? TeamsUrl, string? CalendarUrl);

/// <summary>/webinarer: upcoming episodes, then published ones, newest first.</summary>
public sealed record WebinarListView(PageFrame Frame, IReadOnlyList<EpisodeItem> Upcoming, IReadOnlyList<EpisodeItem> Past);

/// <summary>A presentation as a chapter of the recording.</summary>
public sealed record ChapterItem(string Id, string Title, string Speakers, int? OffsetSeconds, string? StartsAt, string? WatchUrl, string? StoryUrl);

/// <summary>One caption cue in the transcript, with where it starts.</summary>
public sealed record TranscriptLine(string At, string? WatchUrl, string? Speaker, string Text);

/// <summary>
/// /webinarer/{id}: a published episode with its recording (a hub URL that redirects to a short-lived read link), the
/// captions track served from the hub's own origin, chapters, slides and transcript; or an upcoming episode with its
/// Teams link and calendar file.
/// </summary>
public sealed record WebinarView(
    PageFrame Frame,
    string Title,
    string When,
    string? Description,
    IReadOnlyList<string> Audience,
    bool Upcoming,
    string? TeamsUrl,
    string? CalendarUrl,
    string? RecordingUrl,
    string? CaptionsUrl,
    string? SlidesUrl,
    IReadOnlyList<ChapterItem> Chapters,
    IReadOnlyList<TranscriptLine> Transcript);

public static class WebinarLinks
{
    public static string Page(string id) => "/webinarer/" + Uri.EscapeDataString(id);

    public static string Recording(string id) => Page(id) + "/opptak";

    public static string Slides(string id) => Page(id) + "/lysark";

    public static string Captions(string id) => Page(id) + "/teksting.vtt";

    public static string Calendar(string id) => Page(id) + "/kalender.ics";

    /// <summary>The recording from this second on (a media fragment the browser's player honours).</summary>
    public static string RecordingAt(string id, double seconds) =>
        Recording(id) + "#t=" + ((int)Math.Floor(seconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
