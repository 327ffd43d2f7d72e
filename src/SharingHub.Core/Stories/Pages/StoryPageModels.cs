using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Reference;

namespace SharingHub.Stories.Pages;

/// <summary>One story in a list: what a reader needs to decide whether to open it.</summary>
public sealed record StoryCardView(string Id, string Title, string? Summary, string? Place, string? Published, IReadOnlyList<Goal> Goals)
{
    public string Url => StoryLinks.Page(Id);

    /// <summary>A card shows the summary's start; the story page has the rest. Keeps a listing page small.</summary>
    public const int SummaryLength = 300;

    public static StoryCardView From(Story story, PageText text) => new(
        story.Id,
        story.Title,
        Shorten(story.Summary),
        StoryLinks.PlaceName(story),
        story.PublishedAt is { } published ? text.Date(published) : null,
        [.. story.Goals.Select(g => ReferenceData.Instance.Goals[g - 1])]);

    /// <summary>At most <see cref="SummaryLength"/> characters, cut after a whole word, with an ellipsis when cut.</summary>
    public static string? Shorten(string? summary)
    {
        if (summary is null || summary.Length <= SummaryLength)
        {
            return summary;
        }
        var cut = summary.LastIndexOf(' ', SummaryLength);
        return summary[..(cut > SummaryLength / 2 ? cut : SummaryLength)].TrimEnd(' ', ',', '.', ';', ':') + " …";
    }
}

/// <summary>A list of stories with, when there are more, a link to all of them in the filtered listing.</summary>
public sealed record StoryListSection(IReadOnlyList<StoryCardView> Stories, string? MoreUrl);

/// <summary>/historier: the filter form as the reader filled it in, what was wrong with it, and one page of stories.</summary>
public sealed record StoryListView(
    PageFrame Frame,
    StoryFilterForm Form,
    IReadOnlyList<string> InvalidFields,
    IReadOnlyList<StoryCardView> Stories,
    string? NextPageUrl,
    bool IsLaterPage,
    IReadOnlyList<(string Id, string Name)> Networks);

/// <summary>/historier/{id}: the whole published story with every code resolved to a name and a link.</summary>
public sealed record StoryView(
    PageFrame Frame,
    Story Story,
    string? Published,
    Municipality? Municipality,
    County? County,
    (string Id, string Name)? Network,
    string? SectorName,
    string? NoveltyName,
    string? ResourcesName,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<OfficialTarget> Targets,
    IReadOnlyList<(string Label, string? Code, string? Text)> LocalTargets,
    PresentationView? Presentation);

/// <summary>Where the story was presented at Bærekraftsfredag: the episode's chapter that starts at that minute.</summary>
public sealed record PresentationView(string Url, string EpisodeDate, string StartsAt);

public static class StoryLinks
{
    public static string Page(string id) => "/historier/" + Uri.EscapeDataString(id);

    /// <summary>"Asker" for a municipality's story, "Trøndelag" for a county's, nothing for a national one.</summary>
    public static string? PlaceName(Story story)
    {
        var reference = ReferenceData.Instance;
        if (story.Kommunenummer is { } k && reference.MunicipalityByNumber.TryGetValue(k, out var municipality))
        {
            return municipality.Name;
        }
        return story.Fylkesnummer is { } f && reference.CountyByNumber.TryGetValue(f, out var county) ? county.Name : null;
    }

    /// <summary>"m:ss" or "h:mm:ss": where a chapter starts in the recording.</summary>
    public static string Clock(int seconds)
    {
        var time = TimeSpan.FromSeconds(seconds);
        return time.TotalHours >= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
    }
}
