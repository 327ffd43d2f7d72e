namespace SharingHub.Pages.Text;

/// <summary>The secretariat's pages: stories, import, moderation, feed sources.</summary>
public sealed record SecretariatText
{
    // The story list (/arbeid/historier).
    public required string StoriesTitle { get; init; }
    public required string StoriesIntro { get; init; }
    public required string NewStory { get; init; }
    public required string FilterStatus { get; init; }
    public required string FilterNetwork { get; init; }
    public required string AllStatuses { get; init; }
    public required string AllNetworks { get; init; }
    public required string ShowStories { get; init; }
    public required string NoStories { get; init; }

    /// <summary>"Alle {0}" (the status' name in the plural): the link from a status section to its own, paged list.</summary>
    public required string SeeAllInStatus { get; init; }
    public required string ColumnTitle { get; init; }
    public required string ColumnStatus { get; init; }
    public required string ColumnPlace { get; init; }
    public required string ColumnNetwork { get; init; }
    public required string ColumnUpdated { get; init; }
    public required string ColumnSource { get; init; }

    /// <summary>Each status by its API name ("draft" → "Utkast"): a story's state, and the heading of its section in the list.</summary>
    public required IReadOnlyDictionary<string, string> Statuses { get; init; }
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    // The story form (/arbeid/historier/ny, /arbeid/historier/{id}).
    public required string NewStoryTitle { get; init; }
    public required string EditStoryTitle { get; init; }
    public required string FormIntro { get; init; }
    public required string RequiredMark { get; init; }

    /// <summary>"Status: {0}".</summary>
    public required string CurrentStatus { get; init; }

    /// <summary>"Avvist med begrunnelsen: {0}".</summary>
    public required string RejectedBecause { get; init; }
    public required string ViewPublished { get; init; }
    public required string SectionAbout { get; init; }
    public required string SectionPlace { get; init; }
    public required string SectionGoals { get; init; }
    public required string SectionMeasure { get; init; }
    public required string SectionContact { get; init; }

    /// <summary>The label of each field by its API name ("title" → "Tittel"); error messages name the field with it.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>A line under a field that says what to write, by the field's API name.</summary>
    public required IReadOnlyDictionary<string, string> Hints { get; init; }
    public required string ChooseOne { get; init; }
    public required string NoCounty { get; init; }
    public required string GoalsLegend { get; init; }
    public required string TargetsLegend { get; init; }
    public required string TargetsHint { get; init; }

    /// <summary>"Delmål under mål {0}: {1}" (goal number, goal name).</summary>
    public required string TargetsOfGoal { get; init; }

    /// <summary>"Steg {0}".</summary>
    public required string RecipeStep { get; init; }

    /// <summary>"Lenke {0}".</summary>
    public required string LinkNumber { get; init; }

    /// <summary>"Lokalt mål {0}".</summary>
    public required string LocalTargetNumber { get; init; }
    public required string AddRows { get; init; }
    public required string ActionSave { get; init; }
    public required string ActionSubmit { get; init; }
    public required string ActionPublish { get; init; }
    public required string ActionWithdraw { get; init; }
    public required string ActionApprove { get; init; }
    public required string ActionsLegend { get; init; }

    /// <summary>What a redirect after a successful action says, by the action's name ("save" → "Historien er lagret.").</summary>
    public required IReadOnlyDictionary<string, string> Done { get; init; }
    public required string ConflictHeading { get; init; }
    public required string ConflictText { get; init; }
    public required string ConflictReload { get; init; }
    public required string NotAllowedNow { get; init; }

    // Error messages: {0} is the field's label.
    public required string ErrorRequired { get; init; }

    /// <summary>"{0} kan ha høyst {1} tegn (nå {2})."</summary>
    public required string ErrorTooLong { get; init; }
    public required string ErrorOneLine { get; init; }
    public required string ErrorControl { get; init; }
    public required string ErrorChoice { get; init; }
    public required string ErrorInvalid { get; init; }

    /// <summary>"{0} kan ha høyst {1} rader."</summary>
    public required string ErrorTooMany { get; init; }
    public required string ErrorMunicipality { get; init; }
    public required string ErrorMunicipalityOrCounty { get; init; }
    public required string ErrorCountyMismatch { get; init; }
    public required string ErrorNetwork { get; init; }
    public required string ErrorNetworkFixed { get; init; }
    public required string ErrorGoal { get; init; }
    public required string ErrorTarget { get; init; }
    public required string ErrorLocalCodeOfficial { get; init; }
    public required string ErrorLocalOwner { get; init; }
    public required string ErrorUrl { get; init; }
    public required string ErrorEmail { get; init; }
    public required string ErrorSourceIdTaken { get; init; }
    public required string ErrorSourceIdFixed { get; init; }

    // Import (/arbeid/import).
    public required string ImportTitle { get; init; }
    public required string ImportIntro { get; init; }
    public required string ImportFile { get; init; }
    public required string ImportFileHint { get; init; }
    public required string ImportNetwork { get; init; }
    public required string ImportNetworkHint { get; init; }
    public required string ImportNetworkFromFile { get; init; }
    public required string ImportStatus { get; init; }
    public required string ImportButton { get; init; }
    public required string ImportReportHeading { get; init; }

    /// <summary>"{0} rader lest: {1} opprettet, {2} fantes fra før, {3} feilet."</summary>
    public required string ImportSummary { get; init; }
    public required string ColumnRow { get; init; }
    public required string ColumnOutcome { get; init; }
    public required string ColumnStory { get; init; }
    public required string ColumnErrors { get; init; }
    public required IReadOnlyDictionary<string, string> Outcomes { get; init; }
    public required string ErrorNoFile { get; init; }
    public required string ErrorFileType { get; init; }
    public required string ErrorFileTooLarge { get; init; }
    public required string ErrorNotUtf8 { get; init; }
    public required string ErrorFileEmpty { get; init; }
    public required string ErrorRowUnreadable { get; init; }
    public required string ErrorNotYourNetwork { get; init; }
    public required string ErrorRepeatsRow { get; init; }

    // Moderation (/arbeid/moderering).
    public required string ModerationTitle { get; init; }
    public required string ModerationIntro { get; init; }
    public required string QueueEmpty { get; init; }

    /// <summary>"{0} forslag venter."</summary>
    public required string QueueCount { get; init; }
    public required string ShowQueue { get; init; }

    /// <summary>"Kom inn {0} fra {1}" (date, source).</summary>
    public required string ArrivedOn { get; init; }
    public required string OpenAtSource { get; init; }
    public required string SuggestionsLegend { get; init; }

    /// <summary>"Bruk foreslått kommune: {0}".</summary>
    public required string AcceptMunicipality { get; init; }

    /// <summary>"Legg til foreslåtte mål: {0}".</summary>
    public required string AcceptGoals { get; init; }

    /// <summary>"Bruk foreslått sektor: {0}".</summary>
    public required string AcceptSector { get; init; }
    public required string Accept { get; init; }
    public required string ApproveWithEdits { get; init; }
    public required string RejectReason { get; init; }
    public required string RejectReasonHint { get; init; }
    public required string Reject { get; init; }
    public required string ErrorReasonRequired { get; init; }

    // Feed sources (/arbeid/kilder).
    public required string SourcesTitle { get; init; }
    public required string SourcesIntro { get; init; }
    public required string NoSources { get; init; }
    public required string ShowSources { get; init; }
    public required string AddSourceHeading { get; init; }
    public required string SourceUrl { get; init; }
    public required string SourceUrlHint { get; init; }
    public required string SourceName { get; init; }
    public required string SourceInterval { get; init; }
    public required string SourceIntervalHint { get; init; }
    public required string AddSource { get; init; }
    public required string PollNow { get; init; }
    public required string RemoveSource { get; init; }

    /// <summary>"Hentes hvert {0}. minutt".</summary>
    public required string EveryMinutes { get; init; }

    /// <summary>"Sist hentet {0}".</summary>
    public required string LastPolled { get; init; }
    public required string NeverPolled { get; init; }
    public required string PollLog { get; init; }
    public required string NoPolls { get; init; }
    public required string ColumnWhen { get; init; }
    public required string ColumnAnswer { get; init; }
    public required string ColumnItems { get; init; }

    /// <summary>"{0} nye, {1} endret, {2} uendret, {3} feilet, {4} hoppet over".</summary>
    public required string PollItems { get; init; }

    /// <summary>"Kilden kan hentes på forespørsel én gang i minuttet. Prøv igjen om {0} sekunder."</summary>
    public required string PollTooSoon { get; init; }
    public required string ErrorSourceUrl { get; init; }
    public required string ErrorSourceDuplicate { get; init; }
    public required string ErrorSourceInterval { get; init; }
    public required string ErrorTooManySources { get; init; }
}
