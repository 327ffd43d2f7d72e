using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Pages;
using SharingHub.Stories;

namespace SharingHub.Workspace.Secretariat;

/// <summary>The story form as shown: the values, what is wrong with them, and what may be done with the story now.</summary>
public sealed record StoryFormView(
    WorkspaceFrame Frame,
    StoryForm Form,
    FieldErrors Errors,
    Story? Story,
    IReadOnlyList<KeyValuePair<string, string>> Networks,
    IReadOnlyList<string> Actions)
{
    /// <summary>Someone else changed the story since the form was opened: nothing was saved.</summary>
    public bool Conflict { get; init; }

    /// <summary>Opened from the moderation queue: "approve with edits" instead of plain publishing.</summary>
    public bool Moderating { get; init; }

    public string? Notice { get; init; }

    public string? Problem { get; init; }

    public string Action => Story is null ? WorkspaceLinks.NewStory : WorkspaceLinks.Story(Story.Id);
}

/// <summary>The buttons of the story form: what each does is one core call (plus saving the form's content first).</summary>
public static class StoryActions
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Publish = "publish";
    public const string Withdraw = "withdraw";
    public const string Approve = "approve";

    /// <summary>"Flere rader": shows the form again with more empty rows; saves nothing.</summary>
    public const string Rows = "rows";

    /// <summary>What the lifecycle (<see cref="StoryLifecycle"/>) allows from the story's status; the last is the main one.</summary>
    public static IReadOnlyList<string> For(Story? story, bool moderating) => story?.Status switch
    {
        null or StoryStatus.Draft or StoryStatus.Rejected or StoryStatus.Withdrawn => [Save, Submit],
        StoryStatus.Submitted => [Save, moderating ? Approve : Publish],
        StoryStatus.Published => [Save, Withdraw],
        _ => [Save],
    };
}

/// <summary>The secretariat's pages' addresses.</summary>
public static class WorkspaceLinks
{
    public const string Stories = "/arbeid/historier";
    public const string NewStory = "/arbeid/historier/ny";
    public const string Import = "/arbeid/import";
    public const string Moderation = "/arbeid/moderering";
    public const string Sources = "/arbeid/kilder";

    public static string Story(string id) => Stories + "/" + Uri.EscapeDataString(id);

    public static string Source(string id) => Sources + "/" + Uri.EscapeDataString(id);

    public static string Moderate(string id) => Moderation + "/" + Uri.EscapeDataString(id);

    /// <summary>What the redirect after a successful post (?utfort=save) says, in the page's language.</summary>
    public static string? DoneNotice(HttpRequest request) =>
        new QueryReader(request.Query).String("utfort", 20) is { } done ? Page.Text(request).Workspace.Secretariat.Done.GetValueOrDefault(done) : null;

    /// <summary>Where a successful post leads (Post/Redirect/Get), saying what was done.</summary>
    public static string Done(string path, string action) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "utfort=" + action;
}
