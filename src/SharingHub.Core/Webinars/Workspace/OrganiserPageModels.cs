using SharingHub.Webinars.Assets;
using SharingHub.Workspace;

namespace SharingHub.Webinars.Workspace;

/// <summary>/arbeid/webinarer: every episode, whatever its status.</summary>
public sealed record EpisodeListView(WorkspaceFrame Frame, IReadOnlyList<EpisodeRow> Episodes);

public sealed record EpisodeRow(string Id, string Title, DateTimeOffset StartsAt, WebinarStatus Status, int Presentations);

/// <summary>/arbeid/webinarer/ny: the episode form, empty or as posted with its errors.</summary>
public sealed record NewEpisodeView(WorkspaceFrame Frame, EpisodeForm Form, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// /arbeid/webinarer/{id}: the episode's form, its presentations (each a form of its own, and one more to add), the
/// draft-story form per presentation, its files with their status and the upload form. Errors belong to the form posted.
/// </summary>
public sealed record EpisodeView(
    WorkspaceFrame Frame,
    Webinar Webinar,
    EpisodeForm Form,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<PresentationView> Presentations,
    PresentationView NewPresentation,
    IReadOnlyList<FileRow> Files,
    IReadOnlyList<(string Id, string Name)> Networks)
{
    /// <summary>"Someone else changed this episode": the posted form is shown again over the stored episode.</summary>
    public string? Problem { get; init; }

    /// <summary>What the last action did, shown once after its redirect (?gjort=…).</summary>
    public string? Done { get; init; }

    public string Path => OrganiserPaths.Episode(Webinar.Id);
}

/// <summary>A presentation's form; <see cref="Id"/> is null for the "add a presentation" form.</summary>
public sealed record PresentationView(string? Id, PresentationForm Form, IReadOnlyDictionary<string, string> Errors, string? StoryId)
{
    public StoryForm Story { get; init; } = StoryForm.Empty;

    public IReadOnlyDictionary<string, string> StoryErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>The prefix of the form's field ids: "p-{id}" or "p-ny".</summary>
    public string Key => Id is null ? "p-ny" : $"p-{Id}";
}

/// <summary>An uploaded file as the organiser sees it: kind, name, status, the reason it was rejected, skipped caption lines.</summary>
public sealed record FileRow(WebinarAsset Asset, string? PresentationTitle);

/// <summary>The organiser's addresses under /arbeid/webinarer.</summary>
public static class OrganiserPaths
{
    public const string List = "/arbeid/webinarer";
    public const string New = "/arbeid/webinarer/ny";

    public static string Episode(string id) => $"{List}/{id}";

    public static string Publish(string id) => $"{Episode(id)}/publiser";

    public static string Presentations(string id) => $"{Episode(id)}/foredrag";

    public static string Presentation(string id, string presentationId) => $"{Presentations(id)}/{presentationId}";

    public static string RemovePresentation(string id, string presentationId) => $"{Presentation(id, presentationId)}/slett";

    public static string Story(string id, string presentationId) => $"{Presentation(id, presentationId)}/historie";

    public static string Files(string id) => $"{Episode(id)}/filer";
}
