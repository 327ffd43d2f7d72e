namespace SharingHub.Pages.Text;

/// <summary>The organiser's pages: episodes, presentations, speakers, draft stories, files and uploads.</summary>
/// <remarks>
/// Texts with {0}, {1} … are templates; the Script* texts go to the upload module as data attributes.
/// The *Errors maps give the Norwegian message for a field of the core's validation (its English reason is the fallback).
/// </remarks>
public sealed record OrganiserText
{
    public required string ListTitle { get; init; }
    public required string ListIntro { get; init; }
    public required string NewLink { get; init; }
    public required string NewTitle { get; init; }
    public required string NewIntro { get; init; }
    public required string BackToList { get; init; }
    public required string ColumnTitle { get; init; }
    public required string ColumnWhen { get; init; }
    public required string ColumnStatus { get; init; }
    public required string ColumnPresentations { get; init; }
    public required string NoEpisodes { get; init; }
    public required string EpisodeHeading { get; init; }
    public required string FieldTitle { get; init; }
    public required string FieldSeries { get; init; }
    public required string FieldSeriesHint { get; init; }
    public required string FieldStartsAt { get; init; }
    public required string FieldStartsAtHint { get; init; }
    public required string FieldDescription { get; init; }
    public required string FieldAudience { get; init; }
    public required string FieldAudienceHint { get; init; }
    public required string FieldTeamsUrl { get; init; }
    public required string FieldStatus { get; init; }
    public required string Save { get; init; }
    public required string Create { get; init; }
    public required string Publish { get; init; }
    public required string PublishHint { get; init; }
    public required string PublishedNote { get; init; }
    public required string ShowPublic { get; init; }
    public required string ErrorSummaryHeading { get; init; }
    public required string Conflict { get; init; }
    public required string PresentationsHeading { get; init; }
    public required string PresentationHeading { get; init; }
    public required string NewPresentationHeading { get; init; }
    public required string NoPresentations { get; init; }
    public required string FieldPresentationTitle { get; init; }
    public required string FieldOffset { get; init; }
    public required string FieldOffsetHint { get; init; }
    public required string SpeakersHint { get; init; }
    public required string SpeakerLegend { get; init; }
    public required string NewSpeakerLegend { get; init; }
    public required string FieldSpeakerName { get; init; }
    public required string FieldSpeakerOrganisation { get; init; }
    public required string FieldSpeakerEmail { get; init; }
    public required string SavePresentation { get; init; }
    public required string AddPresentation { get; init; }
    public required string RemovePresentation { get; init; }
    public required string StoryHeading { get; init; }
    public required string StoryIntro { get; init; }
    public required string FieldNetwork { get; init; }
    public required string NoNetworkChoice { get; init; }
    public required string FieldKommunenummer { get; init; }
    public required string FieldKommunenummerHint { get; init; }
    public required string FieldFylkesnummer { get; init; }
    public required string FieldFylkesnummerHint { get; init; }
    public required string CreateStory { get; init; }
    public required string StoryLinked { get; init; }
    public required string FilesHeading { get; init; }
    public required string NoFiles { get; init; }
    public required string ColumnFile { get; init; }
    public required string ColumnKind { get; init; }
    public required string ColumnFileStatus { get; init; }
    public required string ColumnSize { get; init; }
    public required string ColumnPresentation { get; init; }
    public required string RejectedReason { get; init; }
    public required string SkippedLines { get; init; }
    public required string SkippedLine { get; init; }
    public required string UploadHeading { get; init; }
    public required string UploadNeedsScript { get; init; }
    public required string FieldKind { get; init; }
    public required string FieldPresentation { get; init; }
    public required string NoPresentationChoice { get; init; }
    public required string FieldFile { get; init; }
    public required string FieldFileHint { get; init; }
    public required string Upload { get; init; }
    public required string ProgressLabel { get; init; }
    public required string Pause { get; init; }
    public required string Resume { get; init; }
    public required string ScriptProgress { get; init; }
    public required string ScriptPaused { get; init; }
    public required string ScriptInterrupted { get; init; }
    public required string ScriptCompleting { get; init; }
    public required string ScriptVerifying { get; init; }
    public required string ScriptAvailable { get; init; }
    public required string ScriptRejected { get; init; }
    public required string ScriptFailed { get; init; }
    public required string ScriptNoFile { get; init; }
    public required string ScriptResumeNote { get; init; }
    public required IReadOnlyDictionary<string, string> StatusNames { get; init; }
    public required IReadOnlyDictionary<string, string> KindNames { get; init; }
    public required IReadOnlyDictionary<string, string> FileStatusNames { get; init; }
    public required IReadOnlyDictionary<string, string> EpisodeErrors { get; init; }
    public required IReadOnlyDictionary<string, string> PresentationErrors { get; init; }
    public required IReadOnlyDictionary<string, string> StoryErrors { get; init; }
    public required IReadOnlyDictionary<string, string> UploadErrors { get; init; }
    public required IReadOnlyDictionary<string, string> Done { get; init; }
}
