using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SharingHub.Pages.Text;

namespace SharingHub.Webinars.Workspace;

/// <summary>The episode form's values as posted (or as stored, for an edit), and the API draft they become.</summary>
public sealed record EpisodeForm
{
    public string Title { get; init; } = string.Empty;
    public string Series { get; init; } = WebinarRules.DefaultSeries;

    /// <summary>Oslo time as a datetime-local input holds it: "2026-09-25T09:00".</summary>
    public string StartsAt { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;

    /// <summary>One audience group per line.</summary>
    public string Audience { get; init; } = string.Empty;
    public string TeamsUrl { get; init; } = string.Empty;
    public string Status { get; init; } = WebinarRules.Status(WebinarStatus.Planned);

    public static EpisodeForm From(Webinar webinar) => new()
    {
        Title = webinar.Title,
        Series = webinar.Series,
        StartsAt = OsloTime.ToOslo(webinar.StartsAt).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        Description = webinar.Description ?? string.Empty,
        Audience = string.Join('\n', webinar.Audience),
        TeamsUrl = webinar.TeamsUrl ?? string.Empty,
        Status = WebinarRules.Status(webinar.Status),
    };

    public static EpisodeForm Read(IFormCollection form) => new()
    {
        Title = form["title"].ToString(),
        Series = form["series"].ToString(),
        StartsAt = form["startsAt"].ToString(),
        Description = form["description"].ToString(),
        Audience = form["audience"].ToString(),
        TeamsUrl = form["teamsUrl"].ToString(),
        Status = form["status"].ToString(),
    };

    /// <summary>The API's draft: the presentations stay as they are (they have forms of their own).</summary>
    public WebinarDraft ToDraft(Webinar? current) => new()
    {
        Title = Title,
        Series = Empty(Series) ?? WebinarRules.DefaultSeries,
        StartsAt = OrganiserForms.OsloToIso(StartsAt),
        Description = Empty(Description),
        Audience = [.. Audience.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        TeamsUrl = Empty(TeamsUrl),
        Status = Empty(Status),
        Presentations = current is null ? null : OrganiserForms.Drafts(current.Presentations),
    };

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One presentation's form: title, where it starts in the recording, and its speakers (a blank row adds one).</summary>
public sealed record PresentationForm
{
    public string Title { get; init; } = string.Empty;

    /// <summary>"t:mm:ss", "mm:ss" or seconds.</summary>
    public string Offset { get; init; } = string.Empty;
    public IReadOnlyList<SpeakerDraft> Speakers { get; init; } = [];

    public static PresentationForm From(Presentation presentation) => new()
    {
        Title = presentation.Title,
        Offset = presentation.OffsetSeconds is { } s ? TimeSpan.FromSeconds(s).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : string.Empty,
        Speakers = [.. presentation.Speakers.Select(s => new SpeakerDraft(s.Name, s.Organisation, s.Email))],
    };

    public static PresentationForm Read(IFormCollection form)
    {
        var names = form["speakerName"];
        var organisations = form["speakerOrganisation"];
        var emails = form["speakerEmail"];
        var speakers = new List<SpeakerDraft>();
        for (var i = 0; i < names.Count; i++)
        {
            var speaker = new SpeakerDraft(names[i]?.Trim(), At(organisations, i), At(emails, i));
            if (!string.IsNullOrEmpty(speaker.Name) || speaker.Organisation is not null || speaker.Email is not null)
            {
                speakers.Add(speaker);
            }
        }
        return new PresentationForm { Title = form["title"].ToString(), Offset = form["offset"].ToString(), Speakers = speakers };
    }

    /// <summary>The API's presentation. An offset that is not a time goes as -1, so the core reports it with the other fields.</summary>
    public PresentationDraft ToDraft(Presentation? current) => new()
    {
        Id = current?.Id,
        Title = Title,
        Speakers = [.. Speakers],
        StoryId = current?.StoryId,
        OffsetSeconds = Offset.Trim().Length == 0 ? null : OrganiserForms.ParseOffset(Offset) ?? -1,
    };

    private static string? At(Microsoft.Extensions.Primitives.StringValues values, int i) =>
        i < values.Count && !string.IsNullOrWhiteSpace(values[i]) ? values[i]!.Trim() : null;
}

/// <summary>What "lag utkast til historie" asks: where the story belongs.</summary>
public sealed record StoryForm(string Network, string Kommunenummer, string Fylkesnummer)
{
    public static StoryForm Empty { get; } = new(string.Empty, string.Empty, string.Empty);

    public static StoryForm Read(IFormCollection form) =>
        new(form["network"].ToString(), form["kommunenummer"].ToString(), form["fylkesnummer"].ToString());

    public PresentationStoryRequest ToRequest() => new(Blank(Network), Blank(Kommunenummer), Blank(Fylkesnummer));

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static partial class OrganiserForms
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex LocalDateTime();

    [GeneratedRegex(@"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$|^(\d{1,5})$")]
    private static partial Regex OffsetPattern();

    /// <summary>A datetime-local value read as Oslo time, with the offset that applies that day; anything else is passed on for the validator to name.</summary>
    public static string? OsloToIso(string local)
    {
        var value = local.Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (!LocalDateTime().IsMatch(value) ||
            !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ||
            OsloTime.Zone.IsInvalidTime(parsed))
        {
            return value;
        }
        var offset = OsloTime.Zone.GetUtcOffset(parsed);
        return new DateTimeOffset(parsed, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static int? ParseOffset(string raw)
    {
        var match = OffsetPattern().Match(raw.Trim());
        if (!match.Success)
        {
            return null;
        }
        if (match.Groups[4].Success)
        {
            return int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
        }
        var hours = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var seconds = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return minutes > 59 && match.Groups[1].Success || seconds > 59 ? null : (hours * 3600) + (minutes * 60) + seconds;
    }

    /// <summary>The stored presentations as the API takes them back unchanged.</summary>
    public static List<PresentationDraft?> Drafts(IEnumerable<Presentation> presentations) =>
        [.. presentations.Select(p => (PresentationDraft?)new PresentationDraft
        {
            Id = p.Id,
            Title = p.Title,
            Speakers = [.. p.Speakers.Select(s => (SpeakerDraft?)new SpeakerDraft(s.Name, s.Organisation, s.Email))],
            StoryId = p.StoryId,
            OffsetSeconds = p.OffsetSeconds,
        })];

    /// <summary>
    /// The core's field names ("presentations[2].speakers[0].email", "startsAt") as the form's own ("speaker0.email",
    /// "startsAt"), each with the Norwegian message for it (the core's English reason when there is none).
    /// </summary>
    public static Dictionary<string, string> Errors(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> messages, int? presentationIndex = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, reasons) in errors)
        {
            var name = field;
            if (presentationIndex is { } index)
            {
                var prefix = $"presentations[{index}]";
                if (!field.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                name = field[prefix.Length..].TrimStart('.');
                name = name.StartsWith("speakers[", StringComparison.Ordinal)
                    ? "speaker" + name["speakers[".Length..].Replace("]", string.Empty, StringComparison.Ordinal)
                    : name;
                name = name == "offsetSeconds" ? "offset" : name;
            }
            else if (field.StartsWith("audience", StringComparison.Ordinal))
            {
                name = "audience";
            }
            var key = name.Contains('.', StringComparison.Ordinal) ? name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..] : name;
            result.TryAdd(name, messages.TryGetValue(key, out var message) ? message : string.Join(' ', reasons));
        }
        return result;
    }

    public static IReadOnlyList<(string Value, string Name)> StatusChoices(OrganiserText text) =>
        [.. WebinarRules.Statuses.Select(s => (s, text.StatusNames[s]))];
}
