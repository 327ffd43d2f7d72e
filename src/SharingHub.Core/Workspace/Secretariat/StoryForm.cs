using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SharingHub.Reference;
using SharingHub.Stories;

namespace SharingHub.Workspace.Secretariat;

/// <summary>
/// The story form as a person filled it in: every field of the contract as typed (kept to show the form again), named as in
/// the API ("title", "recipe[2]", "localTargets[0].code", "contact.email") so that the validator's field names point at
/// the form's fields. Empty rows of the lists are dropped on reading, so row i of the form is item i of the draft.
/// </summary>
public sealed partial record StoryForm
{
    /// <summary>Empty rows shown after the filled ones; "Flere rader" adds as many again.</summary>
    public const int EmptyRows = 3;

    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }

    /// <summary>As typed: "Asker (3203)", "Asker" or "3203".</summary>
    public string? Kommune { get; init; }
    public string? Fylkesnummer { get; init; }
    public string? Network { get; init; }
    public string? Organisation { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<string> Goals { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];
    public IReadOnlyList<LocalTarget> LocalTargets { get; init; } = [];
    public string? Novelty { get; init; }
    public string? TargetGroup { get; init; }
    public string? Involvement { get; init; }
    public string? Resources { get; init; }
    public IReadOnlyList<string> Recipe { get; init; } = [];
    public string? Results { get; init; }
    public string? Lessons { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? SourceId { get; init; }

    /// <summary>The story's version when the form was opened: the If-Match of the change (null for a new story).</summary>
    public int? Version { get; init; }

    /// <summary>A new story's idempotency key: a second click of the same form creates nothing new.</summary>
    public string? FormId { get; init; }

    /// <summary>How many empty rows each list shows.</summary>
    public int ExtraRows { get; init; } = EmptyRows;

    public static StoryForm New(string? network) => new() { Network = network, FormId = Guid.NewGuid().ToString("N") };

    public static StoryForm From(Story story) => new()
    {
        Title = story.Title,
        Summary = story.Summary,
        Body = story.Body,
        Kommune = story.Kommunenummer is { } k ? MunicipalityChoice(k) : null,
        Fylkesnummer = story.Kommunenummer is null ? story.Fylkesnummer : null,
        Network = story.Network,
        Organisation = story.Organisation,
        Sector = story.Sector,
        Goals = [.. story.Goals.Select(g => g.ToString(CultureInfo.InvariantCulture))],
        Targets = story.Targets,
        LocalTargets = story.LocalTargets,
        Novelty = story.Novelty,
        TargetGroup = story.TargetGroup?.Description,
        Involvement = story.TargetGroup?.Involvement,
        Resources = story.Resources,
        Recipe = story.Recipe,
        Results = story.Results,
        Lessons = story.Lessons,
        Links = story.Links,
        ContactName = story.Contact?.Name,
        ContactEmail = story.Contact?.Email,
        SourceId = story.SourceId,
        Version = story.Version,
    };

    public static StoryForm From(IFormCollection form)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        IReadOnlyList<string> Rows(string name) =>
            [.. form.Keys.Select(key => (key, index: RowIndex(key, name))).Where(k => k.index is not null).OrderBy(k => k.index)
                .Select(k => Value(k.key)).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v))];
        var locals = form.Keys.Select(key => LocalRow().Match(key)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()
            .Select(i => new LocalTarget(Value($"localTargets[{i}].owner"), Value($"localTargets[{i}].code"), Value($"localTargets[{i}].text")))
            .Where(t => !string.IsNullOrWhiteSpace(t.Owner) || !string.IsNullOrWhiteSpace(t.Code) || !string.IsNullOrWhiteSpace(t.Text))
            .ToList();
        return new StoryForm
        {
            Title = Value("title"),
            Summary = Value("summary"),
            Body = Value("body"),
            Kommune = Value("kommunenummer"),
            Fylkesnummer = Value("fylkesnummer"),
            Network = Value("network"),
            Organisation = Value("organisation"),
            Sector = Value("sector"),
            Goals = [.. form["goals"].OfType<string>()],
            Targets = [.. form["targets"].OfType<string>()],
            LocalTargets = locals,
            Novelty = Value("novelty"),
            TargetGroup = Value("targetGroup.description"),
            Involvement = Value("targetGroup.involvement"),
            Resources = Value("resources"),
            Recipe = Rows("recipe"),
            Results = Value("results"),
            Lessons = Value("lessons"),
            Links = Rows("links"),
            ContactName = Value("contact.name"),
            ContactEmail = Value("contact.email"),
            SourceId = Value("sourceId"),
            Version = int.TryParse(Value("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null,
            FormId = Value("formId") is { Length: <= 64 } id ? id : null,
            ExtraRows = int.TryParse(Value("extraRows"), NumberStyles.None, CultureInfo.InvariantCulture, out var extra) ? Math.Clamp(extra, EmptyRows, StoryValidator.ListMax) : EmptyRows,
        };
    }

    /// <summary>The draft the API would receive for this form: the same validator then checks every field.</summary>
    public StoryDraft ToDraft() => new()
    {
        Title = Title,
        Summary = Summary,
        Body = Body,
        Kommunenummer = MunicipalityNumber(Kommune),
        Fylkesnummer = Fylkesnummer,
        Network = Network,
        Organisation = Organisation,
        Sector = Sector,
        Goals = [.. Goals.Select(g => int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)],
        Targets = Targets,
        LocalTargets = LocalTargets,
        Novelty = Novelty,
        TargetGroup = TargetGroup is null && Involvement is null ? null : new TargetGroup(TargetGroup, Involvement),
        Resources = Resources,
        Recipe = Recipe,
        Results = Results,
        Lessons = Lessons,
        Links = Links,
        Contact = ContactName is null && ContactEmail is null ? null : new ContactPerson(ContactName, ContactEmail),
        SourceId = SourceId,
    };

    /// <summary>The same form with more empty rows in each list ("Flere rader", which saves nothing).</summary>
    public StoryForm WithMoreRows() => this with { ExtraRows = Math.Min(ExtraRows + EmptyRows, StoryValidator.ListMax) };

    /// <summary>"Asker (3203)": how the form shows a municipality, and what its list offers.</summary>
    public static string MunicipalityChoice(Municipality municipality) => $"{municipality.Name} ({municipality.Kommunenummer})";

    private static string MunicipalityChoice(string kommunenummer) =>
        ReferenceData.Instance.MunicipalityByNumber.TryGetValue(kommunenummer, out var m) ? MunicipalityChoice(m) : kommunenummer;

    /// <summary>"Asker (3203)", "3203" or a name ("Asker", "Porsanger", "Porsáŋgu") to its number; anything else as typed, for the validator to refuse.</summary>
    public static string? MunicipalityNumber(string? typed)
    {
        var value = typed?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (ChoiceNumber().Match(value) is { Success: true } choice)
        {
            return choice.Groups[1].Value;
        }
        if (value.All(char.IsAsciiDigit))
        {
            return value;
        }
        var byName = ReferenceData.Instance.Municipalities.Where(m => m.Names.Contains(value, StringComparer.OrdinalIgnoreCase)).ToList();
        return byName.Count == 1 ? byName[0].Kommunenummer : value; // a name two municipalities share needs the number
    }

    private static int? RowIndex(string key, string list) =>
        key.StartsWith(list + "[", StringComparison.Ordinal) && key.EndsWith(']')
        && int.TryParse(key.AsSpan(list.Length + 1, key.Length - list.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 1_000
            ? i : null;

    [GeneratedRegex(@"\((\d{4})\)\s*$")]
    private static partial Regex ChoiceNumber();

    [GeneratedRegex(@"^localTargets\[(\d{1,3})\]\.(owner|code|text)$")]
    private static partial Regex LocalRow();
}
