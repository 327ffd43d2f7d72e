using System.Globalization;
using System.Text;

namespace SharingHub.Webinars.Pages;

/// <summary>An upcoming episode as an iCalendar file (RFC 5545) with one event, for "add to calendar".</summary>
public static class EpisodeCalendar
{
    /// <summary>Bærekraftsfredag episodes last about an hour; the hub stores no end time.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    public static string For(Webinar episode, string pageUrl, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//SharingHub//Baerekraftsfredag//NB",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{episode.Id}@sharinghub",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(episode.StartsAt)}",
            $"DTEND:{Utc(episode.StartsAt + Length)}",
            $"SUMMARY:{Escape(episode.Title)}",
            "LOCATION:Microsoft Teams",
        };
        var description = string.Join("\n", new[] { episode.Description, episode.TeamsUrl, pageUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));
        lines.Add($"DESCRIPTION:{Escape(description)}");
        if (episode.TeamsUrl is not null)
        {
            lines.Add($"URL:{episode.TeamsUrl}");
        }
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }
        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, line breaks as \n, no other control characters.</summary>
    private static string Escape(string value) => new(value.ReplaceLineEndings("\n")
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
        .Where(c => !char.IsControl(c)).ToArray());

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a UTF-8 sequence.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
