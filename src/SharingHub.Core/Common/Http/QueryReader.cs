using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SharingHub.Common.Http;

/// <summary>Reads query-string parameters strictly: every malformed value becomes a field error instead of being ignored.</summary>
public sealed class QueryReader(IQueryCollection query)
{
    public ValidationErrors Errors { get; } = new();

    public string? String(string name, int maxLength = 200)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }
        if (values.Count > 1)
        {
            Errors.Add(name, "may be given once");
            return null;
        }
        var value = values[0]!.Trim();
        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            Errors.Add(name, $"must be at most {maxLength} printable characters");
            return null;
        }
        return value;
    }

    public int? Int(string name, int min, int max)
    {
        var raw = String(name, 12);
        if (raw is null)
        {
            return null;
        }
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add(name, $"must be a whole number from {min} to {max}");
            return null;
        }
        return value;
    }

    public DateTimeOffset? Timestamp(string name)
    {
        var raw = String(name, 40);
        if (raw is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Errors.Add(name, "must be an ISO 8601 date or date-time, for example 2026-09-25 or 2026-09-25T10:00:00+02:00");
            return null;
        }
        // Far from DateTimeOffset's ends, so "to the end of that day" or "a week before" never overflows.
        if (value < EarliestTimestamp || value > LatestTimestamp)
        {
            Errors.Add(name, "must be between 1900-01-01 and 9000-12-31");
            return null;
        }
        return value;
    }

    private static readonly DateTimeOffset EarliestTimestamp = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestTimestamp = new(9000, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>An entity id (a subscription's, a story's): letters, digits, '-' and '_' only, as every id the hub issues.</summary>
    public string? Id(string name, int maxLength = 64)
    {
        var raw = String(name, maxLength);
        if (raw is not null && !raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Errors.Add(name, "must be an id: letters, digits, '-' and '_' only");
            return null;
        }
        return raw;
    }

    /// <summary>A value that must be one of a closed set; anything else is an error that lists the set.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var raw = String(name, 60);
        if (raw is not null && !allowed.Contains(raw))
        {
            Errors.Add(name, $"must be one of {string.Join(", ", allowed)}");
            return null;
        }
        return raw;
    }

    public void ThrowIfInvalid() => Errors.ThrowIfAny();
}
