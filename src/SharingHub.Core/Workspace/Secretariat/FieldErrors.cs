using System.Globalization;
using System.Text.RegularExpressions;
using SharingHub.Pages.Text;

namespace SharingHub.Workspace.Secretariat;

/// <summary>
/// A form's errors by field, in Norwegian: the core's validation names a field by its API path ("recipe[1]",
/// "contact.email") and says what is wrong in English; the pages name the field by its label and say it in the reader's
/// language. Each message is tied to its field by id (<see cref="FieldId"/>) and listed in the error summary.
/// </summary>
public sealed partial record FieldErrors(IReadOnlyDictionary<string, string> ByField)
{
    public static FieldErrors None { get; } = new(new Dictionary<string, string>());

    public bool Any => ByField.Count > 0;

    public string? this[string field] => ByField.GetValueOrDefault(field);

    /// <summary>The summary's links: each field's id and message, in the order the validator found them.</summary>
    public IReadOnlyList<(string FieldId, string Message)> Summary => [.. ByField.Select(e => (FieldId(e.Key), e.Value))];

    /// <summary>"recipe[1]" → "f-recipe-1": an element id for a field's API name.</summary>
    public static string FieldId(string field) => "f-" + NotIdChar().Replace(field.Replace("]", string.Empty, StringComparison.Ordinal), "-");

    public static string ErrorId(string field) => FieldId(field) + "-feil";

    public static string HintId(string field) => FieldId(field) + "-hint";

    /// <summary>What a screen reader reads with the field: its hint and, when it is wrong, its error.</summary>
    public static string? DescribedBy(string field, bool hint, bool error)
    {
        var ids = new[] { hint ? HintId(field) : null, error ? ErrorId(field) : null }.OfType<string>().ToArray();
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The first reason per field, translated; list-level errors of pickers land on the picker ("goals[3]" → "goals").</summary>
    public static FieldErrors From(IReadOnlyDictionary<string, string[]> errors, SecretariatText text, Func<string, string>? field = null)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, reasons) in errors)
        {
            var target = (field ?? FormField)(key);
            if (!byField.ContainsKey(target) && reasons.Length > 0)
            {
                byField[target] = Message(key, reasons[0], text);
            }
        }
        return new FieldErrors(byField);
    }

    public static FieldErrors For(string field, string message) => new(new Dictionary<string, string> { [field] = message });

    /// <summary>Where the story form shows an API field's error.</summary>
    public static string FormField(string key) => key switch
    {
        _ when key.StartsWith("goals[", StringComparison.Ordinal) => "goals",
        _ when key.StartsWith("targets[", StringComparison.Ordinal) => "targets",
        _ when LocalTargetRow().IsMatch(key) => key + ".owner",
        _ => key,
    };

    /// <summary>What is wrong with <paramref name="field"/>, in the page's language, from the core's <paramref name="reason"/>.</summary>
    public static string Message(string field, string reason, SecretariatText t)
    {
        var name = Base(field);
        var label = Label(field, t);
        string F(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

        if (name == "kommunenummer")
        {
            // The form takes a name from the list; whatever is wrong with what was typed, the answer is to pick from it.
            return reason.StartsWith("is required;", StringComparison.Ordinal) ? t.ErrorMunicipalityOrCounty : t.ErrorMunicipality;
        }
        if (reason.StartsWith("is required", StringComparison.Ordinal))
        {
            return name == "reason" ? t.ErrorReasonRequired : F(t.ErrorRequired, label);
        }
        if (TooLong().Match(reason) is { Success: true } tooLong)
        {
            return F(t.ErrorTooLong, label, tooLong.Groups[1].Value, tooLong.Groups[2].Value);
        }
        if (TooMany().Match(reason) is { Success: true } tooMany)
        {
            return F(t.ErrorTooMany, label, tooMany.Groups[1].Value);
        }
        if (reason.StartsWith("must not contain control characters or line breaks", StringComparison.Ordinal))
        {
            return F(t.ErrorOneLine, label);
        }
        if (reason.StartsWith("must not contain control characters", StringComparison.Ordinal))
        {
            return F(t.ErrorControl, label);
        }
        if (reason.StartsWith("repeats row", StringComparison.Ordinal))
        {
            return t.ErrorRepeatsRow;
        }
        return name switch
        {
            "fylkesnummer" => reason.Contains("does not match", StringComparison.Ordinal) ? t.ErrorCountyMismatch : F(t.ErrorChoice, Lower(label)),
            "network" when reason.Contains("cannot be changed", StringComparison.Ordinal) => t.ErrorNetworkFixed,
            "network" when reason.StartsWith("you are not", StringComparison.Ordinal) => t.ErrorNotYourNetwork,
            "network" => t.ErrorNetwork,
            "goals" => t.ErrorGoal,
            "targets" => t.ErrorTarget,
            "localTargets" or "localTargets.owner" => t.ErrorLocalOwner,
            "localTargets.code" => t.ErrorLocalCodeOfficial,
            "links" => F(t.ErrorUrl, label),
            "contact.email" => t.ErrorEmail,
            "sector" or "novelty" or "resources" or "status" => F(t.ErrorChoice, Lower(label)),
            "sourceId" when reason.Contains("cannot be changed", StringComparison.Ordinal) => t.ErrorSourceIdFixed,
            "sourceId" when reason.Contains("already has", StringComparison.Ordinal) => t.ErrorSourceIdTaken,
            "row" => t.ErrorRowUnreadable,
            "file" when reason.Contains("UTF-8", StringComparison.Ordinal) => t.ErrorNotUtf8,
            "file" when reason.Contains("empty", StringComparison.Ordinal) => t.ErrorFileEmpty,
            "url" when reason.Contains("already has", StringComparison.Ordinal) => t.ErrorSourceDuplicate,
            "url" => t.ErrorSourceUrl,
            "intervalMinutes" => t.ErrorSourceInterval,
            _ => F(t.ErrorInvalid, label),
        };
    }

    /// <summary>"recipe[1]" → "Steg 2", "links[0]" → "Lenke 1", "contact.email" → "E-post til kontaktperson".</summary>
    public static string Label(string field, SecretariatText t)
    {
        var name = Base(field);
        var row = RowNumber().Match(field) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : (int?)null;
        return (name, row) switch
        {
            ("recipe", { } n) => string.Format(CultureInfo.InvariantCulture, t.RecipeStep, n),
            ("links", { } n) => string.Format(CultureInfo.InvariantCulture, t.LinkNumber, n),
            (_, { } n) when name.StartsWith("localTargets", StringComparison.Ordinal) => $"{t.Fields.GetValueOrDefault(name, name)} {n}",
            _ => t.Fields.GetValueOrDefault(name, name),
        };
    }

    /// <summary>"localTargets[2].code" → "localTargets.code".</summary>
    private static string Base(string field) => RowNumber().Replace(field, string.Empty);

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLower(label[0], CultureInfo.InvariantCulture) + label[1..];

    [GeneratedRegex(@"[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChar();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^localTargets\[\d+\]$")]
    private static partial Regex LocalTargetRow();

    [GeneratedRegex(@"at most (\d+) characters \(was (\d+)\)")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"at most (\d+) entries")]
    private static partial Regex TooMany();
}
