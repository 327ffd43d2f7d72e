using SharingHub.Common;

namespace SharingHub.Workspace;

/// <summary>A core service's validation errors, shown at the form's fields: by form field, in the page's language.</summary>
public static class FormFieldErrors
{
    /// <param name="formFields">The service's field names ("email", "scopes") to the form's ("epost", "omfang").</param>
    /// <param name="fallback">The form field for a reason about a field the form does not have.</param>
    /// <param name="messages">The Norwegian reason for each form field.</param>
    public static IReadOnlyList<(string FieldId, string Message)> From(ValidationFailedException failed,
        IReadOnlyDictionary<string, string> formFields, string fallback, IReadOnlyDictionary<string, string> messages) =>
        [.. failed.Errors.Keys.Select(k => formFields.GetValueOrDefault(k.Split('[')[0], fallback)).Distinct().Select(f => (f, messages[f]))];

    /// <summary>The message for <paramref name="field"/>, or null when it is fine.</summary>
    public static string? ErrorAt(this IReadOnlyList<(string FieldId, string Message)> errors, string field) =>
        errors.FirstOrDefault(e => e.FieldId == field).Message;

    /// <summary>aria-invalid for <paramref name="field"/>: "true", or null (no attribute) when it is fine.</summary>
    public static string? InvalidAt(this IReadOnlyList<(string FieldId, string Message)> errors, string field) =>
        errors.ErrorAt(field) is null ? null : "true";

    /// <summary>aria-describedby for <paramref name="field"/>: its hint's id and its error's id ("{field}-feil"), or null.</summary>
    public static string? DescribedAt(this IReadOnlyList<(string FieldId, string Message)> errors, string field, string? hint = null) =>
        string.Join(' ', new[] { hint, errors.ErrorAt(field) is null ? null : field + "-feil" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
