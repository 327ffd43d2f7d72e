using System.Text.RegularExpressions;
using SharingHub.Common;
using SharingHub.Reference;

namespace SharingHub.Stories;

/// <summary>
/// Turns a posted <see cref="StoryDraft"/> into <see cref="StoryContent"/>, or reports every problem by field.
/// Network existence is checked by <see cref="StoryService"/>, which can reach storage.
/// </summary>
public static partial class StoryValidator
{
    public const int TitleMax = 200;
    public const int SummaryMax = 2_000;
    public const int BodyMax = 30_000;
    public const int LongTextMax = 5_000;
    public const int ListMax = 30;

    [GeneratedRegex(@"^\d{1,2}\.[0-9]{1,2}[a-z]$", RegexOptions.IgnoreCase)]
    private static partial Regex LocalTargetCode();

    public static StoryContent Validate(StoryDraft draft, ValidationErrors errors, string prefix = "")
    {
        var reference = ReferenceData.Instance;
        string F(string field) => prefix + field;

        var title = TextRules.Line(errors, F("title"), draft.Title, TitleMax);
        var summary = TextRules.Text(errors, F("summary"), draft.Summary, SummaryMax);
        var body = TextRules.Text(errors, F("body"), draft.Body, BodyMax);
        var organisation = TextRules.Line(errors, F("organisation"), draft.Organisation, 200, required: false);

        var kommune = TextRules.Line(errors, F("kommunenummer"), draft.Kommunenummer, 4, required: false);
        var fylke = TextRules.Line(errors, F("fylkesnummer"), draft.Fylkesnummer, 2, required: false);
        if (kommune is not null && !reference.MunicipalityByNumber.ContainsKey(kommune))
        {
            errors.Add(F("kommunenummer"), $"'{draft.Kommunenummer}' is not one of Norway's 357 municipalities (4-digit kommunenummer such as 3203)");
        }
        if (fylke is not null && !reference.CountyByNumber.ContainsKey(fylke))
        {
            errors.Add(F("fylkesnummer"), $"'{draft.Fylkesnummer}' is not one of the 15 counties (2-digit fylkesnummer such as 50)");
        }
        if (kommune is null && fylke is null)
        {
            errors.Add(F("kommunenummer"), "is required; for a regional story give fylkesnummer instead");
        }
        if (kommune is not null && fylke is not null && reference.MunicipalityByNumber.TryGetValue(kommune, out var m) && m.Fylkesnummer != fylke)
        {
            errors.Add(F("fylkesnummer"), $"'{fylke}' does not match municipality {kommune}, which is in county {m.Fylkesnummer}");
        }
        if (kommune is not null && reference.MunicipalityByNumber.TryGetValue(kommune, out var municipality))
        {
            fylke = municipality.Fylkesnummer;
        }

        var network = TextRules.Line(errors, F("network"), draft.Network, 40);
        var sector = OneOf(errors, F("sector"), draft.Sector, StoryVocabulary.Sectors, required: false);
        var novelty = OneOf(errors, F("novelty"), draft.Novelty, StoryVocabulary.Novelties, required: false);
        var resources = OneOf(errors, F("resources"), draft.Resources, StoryVocabulary.ResourceLevels, required: false);

        var goals = new SortedSet<int>();
        foreach (var (goal, i) in (draft.Goals ?? []).Select((g, i) => (g, i)))
        {
            if (!reference.IsGoal(goal))
            {
                errors.Add(F($"goals[{i}]"), $"{goal} is not a goal; the goals are numbered 1 to 17");
            }
            else
            {
                goals.Add(goal);
            }
        }

        var targets = new List<string>();
        foreach (var (raw, i) in (draft.Targets ?? []).Select((t, i) => (t, i)))
        {
            var id = raw?.Trim();
            if (id is not null && reference.TargetById.TryGetValue(id, out var target))
            {
                if (!targets.Contains(target.Id))
                {
                    targets.Add(target.Id);
                }
                goals.Add(target.Goal); // a target implies its goal (12.3 → 12)
            }
            else if (id is not null && LocalTargetCode().IsMatch(id))
            {
                errors.Add(F($"targets[{i}]"), $"'{id}' is not one of the 169 official targets; a municipality's own target goes in localTargets");
            }
            else
            {
                errors.Add(F($"targets[{i}]"), $"'{raw}' is not one of the 169 official targets (such as 12.3 or 3.d)");
            }
        }

        var localTargets = new List<LocalTarget>();
        foreach (var (local, i) in (draft.LocalTargets ?? []).Select((t, i) => (t, i)))
        {
            if (local is null)
            {
                errors.Add(F($"localTargets[{i}]"), "must be an object with owner, code and text");
                continue;
            }
            var owner = TextRules.Line(errors, F($"localTargets[{i}].owner"), local.Owner, 4);
            var code = TextRules.Line(errors, F($"localTargets[{i}].code"), local.Code, 10);
            var text = TextRules.Text(errors, F($"localTargets[{i}].text"), local.Text, 1_000);
            if (owner is not null && !reference.MunicipalityByNumber.ContainsKey(owner))
            {
                errors.Add(F($"localTargets[{i}].owner"), $"'{owner}' is not a kommunenummer");
            }
            if (code is not null && reference.TargetById.ContainsKey(code))
            {
                errors.Add(F($"localTargets[{i}].code"), $"'{code}' is an official target; put it in targets");
            }
            localTargets.Add(new LocalTarget(owner, code, text));
        }

        TargetGroup? targetGroup = null;
        if (draft.TargetGroup is not null)
        {
            targetGroup = new TargetGroup(
                TextRules.Text(errors, F("targetGroup.description"), draft.TargetGroup.Description, 1_000),
                TextRules.Text(errors, F("targetGroup.involvement"), draft.TargetGroup.Involvement, 2_000));
        }

        var recipe = List(errors, F("recipe"), draft.Recipe, (field, step) => TextRules.Text(errors, field, step, 2_000, required: true));
        var links = List(errors, F("links"), draft.Links, (field, link) =>
        {
            var value = TextRules.Line(errors, field, link, 2_000);
            if (value is not null && !TextRules.IsHttpUrl(value, out _))
            {
                errors.Add(field, "must be an absolute http(s) URL");
            }
            return value;
        });

        ContactPerson? contact = null;
        if (draft.Contact is not null)
        {
            var name = TextRules.Line(errors, F("contact.name"), draft.Contact.Name, 200, required: false);
            var email = TextRules.Line(errors, F("contact.email"), draft.Contact.Email, 254, required: false);
            if (email is not null && !EmailAddress.IsValid(email))
            {
                errors.Add(F("contact.email"), $"'{email}' is not an e-mail address");
            }
            contact = name is null && email is null ? null : new ContactPerson(name, email);
        }

        return new StoryContent
        {
            Title = title ?? string.Empty,
            Summary = summary,
            Body = body,
            Kommunenummer = kommune,
            Fylkesnummer = fylke,
            Network = network ?? string.Empty,
            Organisation = organisation,
            Sector = sector,
            Goals = [.. goals],
            Targets = targets,
            LocalTargets = localTargets,
            Novelty = novelty,
            TargetGroup = targetGroup,
            Resources = resources,
            Recipe = recipe,
            Results = TextRules.Text(errors, F("results"), draft.Results, LongTextMax),
            Lessons = TextRules.Text(errors, F("lessons"), draft.Lessons, LongTextMax),
            Links = links,
            Contact = contact,
        };
    }

    public static string? SourceId(ValidationErrors errors, string? value, string field = "sourceId") =>
        TextRules.Line(errors, field, value, 500, required: false);

    private static string? OneOf(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed, bool required)
    {
        var trimmed = TextRules.Line(errors, field, value, 40, required);
        if (trimmed is not null && !allowed.Contains(trimmed))
        {
            errors.Add(field, $"'{trimmed}' is not one of {string.Join(", ", allowed)}");
            return null;
        }
        return trimmed;
    }

    private static List<string> List(ValidationErrors errors, string field, IReadOnlyList<string?>? items, Func<string, string?, string?> check)
    {
        var result = new List<string>();
        if (items is null)
        {
            return result;
        }
        if (items.Count > ListMax)
        {
            errors.Add(field, $"may have at most {ListMax} entries (had {items.Count})");
            return result;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (check($"{field}[{i}]", items[i]) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }
}
