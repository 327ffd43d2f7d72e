namespace SharingHub.Common;

/// <summary>Length and character rules for user-written text, applied the same way to every field.</summary>
public static class TextRules
{
    /// <summary>Checks a required single-line value (titles, names): no control characters at all.</summary>
    public static string? Line(ValidationErrors errors, string field, string? value, int max, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(field, "is required and must not be empty");
            }
            return null;
        }
        if (trimmed.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters (was {trimmed.Length})");
        }
        else if (trimmed.Any(char.IsControl))
        {
            errors.Add(field, "must not contain control characters or line breaks");
        }
        return trimmed;
    }

    /// <summary>Checks multi-line text (summaries, Markdown bodies): line breaks and tabs are fine, other control characters are not.</summary>
    public static string? Text(ValidationErrors errors, string field, string? value, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "is required and must not be empty");
            }
            return null;
        }
        var normalised = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (normalised.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters (was {normalised.Length})");
        }
        else if (normalised.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors.Add(field, "must not contain control characters");
        }
        return normalised;
    }

    public static bool IsHttpUrl(string? value, out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
