using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SharingHub.Webinars.Transcripts;

/// <summary>A captions file that is not valid WebVTT; the message names the line.</summary>
public sealed class WebVttFormatException(int line, string problem) : Exception($"line {line}: {problem}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads WebVTT (W3C) line by line without holding the file: header, optional cue identifiers, cue timings with
/// settings, multi-line cue text, NOTE/STYLE/REGION blocks. Voice tags (&lt;v Name&gt;) become the segment's speaker.
/// </summary>
public static partial class WebVttParser
{
    public const int MaxSegments = 100_000;

    [GeneratedRegex(@"^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^<v(?:\.[^\s>]*)?[ \t]+([^>]+)>")]
    private static partial Regex VoiceTag();

    [GeneratedRegex(@"^\s*\d{1,3}:\d")]
    private static partial Regex LooksLikeTiming();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    public static async Task<IReadOnlyList<TranscriptSegment>> ParseAsync(TextReader reader, CancellationToken ct)
    {
        var segments = new List<TranscriptSegment>();
        var lineNumber = 0;
        var header = await reader.ReadLineAsync(ct);
        lineNumber++;
        header = header?.TrimStart('\uFEFF');
        if (header is null || !header.StartsWith("WEBVTT", StringComparison.Ordinal) || (header.Length > 6 && header[6] is not ' ' and not '\t'))
        {
            throw new WebVttFormatException(1, "the file does not start with a WEBVTT header");
        }
        // The header block runs to the first blank line.
        string? line;
        while ((line = await reader.ReadLineAsync(ct)) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                break;
            }
            if (line.Contains("-->", StringComparison.Ordinal))
            {
                throw new WebVttFormatException(lineNumber, "a cue must be separated from the WEBVTT header by a blank line");
            }
        }

        var block = new List<(int Number, string Text)>();
        while (true)
        {
            line = await reader.ReadLineAsync(ct);
            if (line is not null)
            {
                lineNumber++;
            }
            if (line is null || line.Length == 0)
            {
                if (block.Count > 0)
                {
                    if (ReadBlock(block) is { } segment)
                    {
                        if (segments.Count >= MaxSegments)
                        {
                            throw new WebVttFormatException(block[0].Number, $"more than {MaxSegments} cues");
                        }
                        segments.Add(segment);
                    }
                    block.Clear();
                }
                if (line is null)
                {
                    break;
                }
                continue;
            }
            block.Add((lineNumber, line));
        }
        return segments;
    }

    private static TranscriptSegment? ReadBlock(List<(int Number, string Text)> block)
    {
        var first = block[0].Text;
        if (IsKeyword(first, "NOTE") || IsKeyword(first, "STYLE") || IsKeyword(first, "REGION"))
        {
            return null;
        }
        // An optional identifier line, then the timing line.
        var timingIndex = first.Contains("-->", StringComparison.Ordinal) ? 0 : 1;
        if (timingIndex >= block.Count || !block[timingIndex].Text.Contains("-->", StringComparison.Ordinal))
        {
            // A first line that starts like a timestamp is a mistyped timing, not a cue identifier.
            var at = LooksLikeTiming().IsMatch(first) ? block[0] : block[Math.Min(timingIndex, block.Count - 1)];
            throw new WebVttFormatException(at.Number, $"'{Shorten(at.Text)}' is not a cue timing (expected hh:mm:ss.ttt --> hh:mm:ss.ttt)");
        }
        var (number, timing) = block[timingIndex];
        var (start, end) = ParseTiming(number, timing);
        var text = new StringBuilder();
        string? speaker = null;
        foreach (var (_, payload) in block.Skip(timingIndex + 1))
        {
            if (payload.Contains("-->", StringComparison.Ordinal))
            {
                throw new WebVttFormatException(number, "a cue's text must be followed by a blank line before the next cue timing");
            }
            var voice = VoiceTag().Match(payload);
            if (voice.Success)
            {
                speaker ??= WebUtility.HtmlDecode(voice.Groups[1].Value.Trim());
            }
            var plain = WebUtility.HtmlDecode(AnyTag().Replace(payload, string.Empty)).Trim();
            if (plain.Length > 0)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }
                text.Append(plain);
            }
        }
        return new TranscriptSegment(start, end, speaker, text.ToString());
    }

    private static (double Start, double End) ParseTiming(int number, string line)
    {
        var arrow = line.IndexOf("-->", StringComparison.Ordinal);
        var left = line[..arrow].Trim();
        var rest = line[(arrow + 3)..].TrimStart(' ', '\t');
        var right = rest.Split([' ', '\t'], 2)[0];
        if (!TryParseTimestamp(left, out var start) || !TryParseTimestamp(right, out var end))
        {
            throw new WebVttFormatException(number, $"'{Shorten(line)}' is not a valid cue timing (expected hh:mm:ss.ttt --> hh:mm:ss.ttt or mm:ss.ttt --> mm:ss.ttt)");
        }
        if (end <= start)
        {
            throw new WebVttFormatException(number, $"the cue ends ({right}) before it starts ({left})");
        }
        return (start, end);
    }

    private static bool TryParseTimestamp(string text, out double seconds)
    {
        seconds = 0;
        var match = Timestamp().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var hours = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        seconds = hours * 3600
            + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * 60
            + int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)
            + int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture) / 1000.0;
        return true;
    }

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 80 ? printable : printable[..80] + "…";
    }
}
