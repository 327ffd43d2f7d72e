namespace SharingHub.Pages.Text;

/// <summary>
/// Every piece of user-interface text on the public pages, for one language. Each language is one instance in one file
/// (<see cref="Bokmal"/>); a new language is a new instance, and the compiler refuses it until every text is there.
/// User content (stories, episodes) is shown as written; only the hub's own words live here.
/// </summary>
public sealed record PageText
{
    /// <summary>The value of the html element's lang attribute ("nb", "nn").</summary>
    public required string Lang { get; init; }

    /// <summary>Open Graph's locale ("nb_NO").</summary>
    public required string OpenGraphLocale { get; init; }

    public required string SiteName { get; init; }
    public required string SiteTagline { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string NavHome { get; init; }
    public required string NavStories { get; init; }
    public required string FooterAbout { get; init; }
    public required string FooterAccessibility { get; init; }
    public required string FooterApi { get; init; }
    public required string FooterDevelopers { get; init; }

    /// <summary>The language's name in itself ("Bokmål", "Nynorsk"): the switch's link to it.</summary>
    public required string LanguageName { get; init; }

    /// <summary>The name of the language switch in the header (its two links are named in their own languages).</summary>
    public required string LanguageSwitch { get; init; }

    public required string HomeTitle { get; init; }
    public required string HomeIntro { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    public required string NewestStories { get; init; }
    public required string AllStories { get; init; }
    public required string NoStoriesYet { get; init; }
    public required string NextEpisode { get; init; }
    public required string NoEpisodePlanned { get; init; }
    public required string JoinInTeams { get; init; }
    public required string GoalsHeading { get; init; }
    public required string GoalsIntro { get; init; }
    public required string CountiesHeading { get; init; }
    public required string CountiesIntro { get; init; }
    public required string NetworksHeading { get; init; }
    public required string NetworksIntro { get; init; }

    public required string StoriesTitle { get; init; }
    public required string StoriesIntro { get; init; }
    public required string FiltersHeading { get; init; }
    public required string FilterGoal { get; init; }
    public required string FilterTarget { get; init; }
    public required string FilterTargetHint { get; init; }
    public required string FilterKommune { get; init; }
    public required string FilterKommuneHint { get; init; }
    public required string FilterFylke { get; init; }
    public required string FilterNetwork { get; init; }
    public required string FilterSector { get; init; }
    public required string FilterAny { get; init; }
    public required string FilterApply { get; init; }
    public required string FilterClear { get; init; }
    public required string ErrorSummaryHeading { get; init; }

    /// <summary>Why a filter value was refused, per query field.</summary>
    public required IReadOnlyDictionary<string, string> FilterErrors { get; init; }

    public required string ResultsHeading { get; init; }
    public required string NoMatches { get; init; }
    public required string Pagination { get; init; }
    public required string NextPage { get; init; }
    public required string FirstPage { get; init; }

    public required string PublishedOn { get; init; }
    public required string Municipality { get; init; }
    public required string County { get; init; }
    public required string Network { get; init; }
    public required string Organisation { get; init; }
    public required string Sector { get; init; }
    public required string AboutTheStory { get; init; }
    public required string RecipeHeading { get; init; }
    public required string TargetGroupHeading { get; init; }
    public required string InvolvementHeading { get; init; }
    public required string NoveltyHeading { get; init; }
    public required string ResourcesHeading { get; init; }
    public required string ResultsOfStory { get; init; }
    public required string LessonsHeading { get; init; }
    public required string GoalsOfStory { get; init; }
    public required string OfficialTargets { get; init; }
    public required string OfficialTargetsNote { get; init; }
    public required string LocalTargets { get; init; }

    /// <summary>"{0}" is the municipality's (or owner's) name.</summary>
    public required string LocalTargetOwner { get; init; }
    public required string LinksHeading { get; init; }
    public required string PresentedAt { get; init; }

    /// <summary>"{0}" is the episode's date, "{1}" the start time in the recording (m:ss).</summary>
    public required string PresentedAtLink { get; init; }

    public required string GoalLabel { get; init; }
    public required string GoalTargetsHeading { get; init; }
    public required string StoriesForGoal { get; init; }
    public required string StoriesInMunicipality { get; init; }
    public required string StoriesInCounty { get; init; }
    public required string MunicipalitiesInCounty { get; init; }
    public required string StoriesInNetwork { get; init; }
    public required string NetworkCounties { get; init; }
    public required string NationalNetwork { get; init; }
    public required string SeeAllMatching { get; init; }
    public required string CountyOf { get; init; }

    public required string NavWebinars { get; init; }
    public required string WebinarsTitle { get; init; }
    public required string WebinarsIntro { get; init; }
    public required string UpcomingEpisodes { get; init; }
    public required string PastEpisodes { get; init; }
    public required string NoPastEpisodes { get; init; }
    public required string AddToCalendar { get; init; }
    public required string EpisodeUpcomingNote { get; init; }
    public required string RecordingHeading { get; init; }
    public required string NoRecordingYet { get; init; }
    public required string VideoFallback { get; init; }

    /// <summary>The captions track's label: says the captions are automatic and may contain errors.</summary>
    public required string CaptionsLabel { get; init; }
    public required string CaptionsNotice { get; init; }
    public required string DownloadRecording { get; init; }
    public required string ChaptersHeading { get; init; }

    /// <summary>"{0}" is the start time in the recording (m:ss).</summary>
    public required string WatchFrom { get; init; }
    public required string ReadTheStory { get; init; }
    public required string SlidesHeading { get; init; }
    public required string DownloadSlides { get; init; }
    public required string TranscriptHeading { get; init; }
    public required string AudienceLabel { get; init; }

    public required string SearchTitle { get; init; }
    public required string SearchIntro { get; init; }
    public required string SearchTypeLabel { get; init; }
    public required string SearchTypeAll { get; init; }
    public required string SearchTypeStory { get; init; }
    public required string SearchTypeEpisode { get; init; }
    public required string SearchErrorSummary { get; init; }

    /// <summary>Why a search was refused, per query field ("q" blank; "q.long" too long); other fields use <see cref="FilterErrors"/>.</summary>
    public required IReadOnlyDictionary<string, string> SearchErrors { get; init; }

    /// <summary>"{0}" is the number of hits.</summary>
    public required string SearchHitCount { get; init; }
    public required string SearchNoHits { get; init; }
    public required string SearchRefine { get; init; }
    public required string SearchRemoveFilter { get; init; }
    public required string HitStory { get; init; }
    public required string HitEpisode { get; init; }

    /// <summary>"{0}" is where in the recording it was said (m:ss).</summary>
    public required string HitTranscript { get; init; }

    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string BackToHome { get; init; }

    public required IReadOnlyDictionary<string, string> Sectors { get; init; }
    public required IReadOnlyDictionary<string, string> Novelties { get; init; }
    public required IReadOnlyDictionary<string, string> ResourceLevels { get; init; }

    public required string[] Months { get; init; }

    public required AccessibilityStatement Accessibility { get; init; }

    /// <summary>The workspace's words (signed-in pages under /arbeid).</summary>
    public required WorkspaceText Workspace { get; init; }

    /// <summary>/utviklere: how the networks' own systems use the API.</summary>
    public required DeveloperGuide Developers { get; init; }

    /// <summary>
    /// The goals' names in this language, by number, where they differ from the reference data's (bokmål) names. The
    /// reference data and the API keep their bokmål and English names; the pages ask <see cref="GoalName"/>.
    /// </summary>
    public IReadOnlyDictionary<int, GoalName> GoalNames { get; init; } = new Dictionary<int, GoalName>();

    /// <summary>The goal's short name ("God helse og livskvalitet") in this language.</summary>
    public string GoalShortName(Reference.Goal goal) => GoalNames.TryGetValue(goal.Number, out var name) ? name.ShortName : goal.ShortName;

    /// <summary>The goal's full title in this language.</summary>
    public string GoalTitle(Reference.Goal goal) => GoalNames.TryGetValue(goal.Number, out var name) ? name.Title : goal.Title;

    /// <summary>"25. september 2026" in Oslo time.</summary>
    public string Date(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Webinars.OsloTime.Zone);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{local.Day}. {Months[local.Month - 1]} {local.Year}");
    }

    /// <summary>"kl. 09.00" in Oslo time.</summary>
    public string Time(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Webinars.OsloTime.Zone);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"kl. {local.Hour:00}.{local.Minute:00}");
    }

    public string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}

/// <summary>A goal's short name and full title in one language.</summary>
public sealed record GoalName(string ShortName, string Title);

/// <summary>The accessibility statement (tilgjengelighetserklæring): a title, an introduction and sections.</summary>
public sealed record AccessibilityStatement(string Title, string Intro, IReadOnlyList<StatementSection> Sections);

public sealed record StatementSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>The page for developers (/utviklere): a title, an introduction and sections, each with an optional example and links.</summary>
public sealed record DeveloperGuide(string Title, string Intro, IReadOnlyList<GuideSection> Sections);

/// <param name="Example">Shown as code, as written (a request or an answer).</param>
/// <param name="Links">Local links (text, path) below the section.</param>
public sealed record GuideSection(string Heading, IReadOnlyList<string> Paragraphs, string? Example = null, IReadOnlyList<GuideLink>? Links = null);

public sealed record GuideLink(string Text, string Href);
