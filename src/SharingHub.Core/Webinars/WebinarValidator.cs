using System.Globalization;
using System.Text.RegularExpressions;
using SharingHub.Common;

namespace SharingHub.Webinars;

/// <summary>Turns a <see cref="WebinarDraft"/> into an episode's content, or reports every problem by field.</summary>
public static partial class WebinarValidator
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Slug();

    /// <param name="existing">On PUT: the episode being replaced, whose presentation ids may be kept.</param>
    public static Webinar Validate(WebinarDraft draft, Webinar? existing, Func<string> newId)
    {
        var errors = new ValidationErrors();
        var series = draft.Series?.Trim() ?? WebinarRules.DefaultSeries;
        if (!Slug().IsMatch(series))
        {
            errors.Add("series", "must be lowercase letters, digits and hyphens (at most 40), for example baerekraftsfredag");
        }
        var title = TextRules.Line(errors, "title", draft.Title, WebinarRules.TitleMax);
        var startsAt = StartsAt(errors, draft.StartsAt);
        var description = TextRules.Text(errors, "description", draft.Description, WebinarRules.DescriptionMax);
        var audience = Audience(errors, draft.Audience);
        var teamsUrl = TeamsUrl(errors, draft.TeamsUrl);
        var status = WebinarStatus.Planned;
        if (draft.Status is not null)
        {
            if (WebinarRules.ParseStatus(draft.Status) is { } parsed)
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", $"must be one of {string.Join(", ", WebinarRules.Statuses)}");
            }
        }
        var presentations = Presentations(errors, draft.Presentations, existing, newId);
        errors.ThrowIfAny();
        return new Webinar
        {
            Series = series,
            Title = title!,
            StartsAt = startsAt!.Value.ToUniversalTime(),
            Description = description,
            Audience = audience,
            TeamsUrl = teamsUrl,
            Status = status,
            Presentations = presentations,
        };
    }

    private static DateTimeOffset? StartsAt(ValidationErrors errors, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add("startsAt", "is required: an ISO 8601 date-time with offset, for example 2026-09-25T09:00:00+02:00");
            return null;
        }
        var value = raw.Trim();
        if (!IsoWithOffset().IsMatch(value) ||
            !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add("startsAt", "must be an ISO 8601 date-time with offset, for example 2026-09-25T09:00:00+02:00");
            return null;
        }
        if (parsed.Year is < 2000 or > 2100)
        {
            errors.Add("startsAt", "must be between the years 2000 and 2100");
            return null;
        }
        return parsed;
    }

    private static List<string> Audience(ValidationErrors errors, IReadOnlyList<string?>? raw)
    {
        var audience = new List<string>();
        if (raw is null)
        {
            return audience;
        }
        if (raw.Count > WebinarRules.AudienceMax)
        {
            errors.Add("audience", $"may list at most {WebinarRules.AudienceMax} groups");
            return audience;
        }
        for (var i = 0; i < raw.Count; i++)
        {
            if (TextRules.Line(errors, $"audience[{i}]", raw[i], 100) is { } group && !audience.Contains(group))
            {
                audience.Add(group);
            }
        }
        return audience;
    }

    private static string? TeamsUrl(ValidationErrors errors, string? raw)
    {
        var value = TextRules.Line(errors, "teamsUrl", raw, 2_000, required: false);
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("teamsUrl", "must be an https link (the Teams join link)");
            return null;
        }
        return value;
    }

    private static List<Presentation> Presentations(ValidationErrors errors, IReadOnlyList<PresentationDraft?>? raw, Webinar? existing, Func<string> newId)
    {
        var result = new List<Presentation>();
        if (raw is null)
        {
            return result;
        }
        if (raw.Count > WebinarRules.PresentationsMax)
        {
            errors.Add("presentations", $"may hold at most {WebinarRules.PresentationsMax} presentations");
            return result;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var field = $"presentations[{i}]";
            if (raw[i] is not { } draft)
            {
                errors.Add(field, "must be an object");
                continue;
            }
            var id = draft.Id?.Trim();
            Presentation? before = null;
            if (!string.IsNullOrEmpty(id))
            {
                before = existing?.Presentations.FirstOrDefault(p => p.Id == id);
                if (before is null)
                {
                    errors.Add($"{field}.id", existing is null
                        ? "is assigned by the hub; leave it out for a new presentation"
                        : $"'{id}' is not a presentation of this episode; leave it out for a new one");
                }
                else if (!seen.Add(id))
                {
                    errors.Add($"{field}.id", "appears twice");
                }
            }
            var title = TextRules.Line(errors, $"{field}.title", draft.Title, WebinarRules.TitleMax);
            var speakers = Speakers(errors, field, draft.Speakers);
            var storyId = TextRules.Line(errors, $"{field}.storyId", draft.StoryId, 64, required: false);
            if (storyId is not null && !WebinarRules.IsId(storyId))
            {
                errors.Add($"{field}.storyId", "is not a story id");
            }
            if (draft.OffsetSeconds is < 0 or > WebinarRules.OffsetMaxSeconds)
            {
                errors.Add($"{field}.offsetSeconds", $"must be from 0 to {WebinarRules.OffsetMaxSeconds} (seconds into the recording)");
            }
            result.Add(new Presentation
            {
                Id = before?.Id ?? newId(),
                Title = title ?? string.Empty,
                Speakers = speakers,
                StoryId = storyId,
                OffsetSeconds = draft.OffsetSeconds,
            });
        }
        return result;
    }

    private static List<Speaker> Speakers(ValidationErrors errors, string field, IReadOnlyList<SpeakerDraft?>? raw)
    {
        var speakers = new List<Speaker>();
        if (raw is null)
        {
            return speakers;
        }
        if (raw.Count > WebinarRules.SpeakersMax)
        {
            errors.Add($"{field}.speakers", $"may list at most {WebinarRules.SpeakersMax} speakers");
            return speakers;
        }
        for (var i = 0; i < raw.Count; i++)
        {
            var name = TextRules.Line(errors, $"{field}.speakers[{i}].name", raw[i]?.Name, 120);
            var organisation = TextRules.Line(errors, $"{field}.speakers[{i}].organisation", raw[i]?.Organisation, 200, required: false);
            var email = TextRules.Line(errors, $"{field}.speakers[{i}].email", raw[i]?.Email, 254, required: false)?.ToLowerInvariant();
            if (email is not null && !EmailAddress.IsValid(email))
            {
                errors.Add($"{field}.speakers[{i}].email", $"'{email}' is not an e-mail address");
            }
            if (name is not null)
            {
                speakers.Add(new Speaker(name, organisation, email));
            }
        }
        return speakers;
    }
}
