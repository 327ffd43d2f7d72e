using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SharingHub.Webinars.Transcripts;

/// <summary>
/// Turns cue text (WebVTT markup) into a transcript segment: plain text without tags, character references decoded,
/// lines joined by spaces, and the speaker from a voice tag (&lt;v Name&gt;).
/// </summary>
public static partial class CaptionsText
{
    [GeneratedRegex(@"^<v(?:\.[^\s>]*)?[ \t]+([^>]+)>")]
    private static partial Regex LeadingVoiceTag();

    /// <summary>Every voice tag's annotation (the name), wherever it stands in a line.</summary>
    [GeneratedRegex(@"(?<open><v(?:\.[^\s>]*)?[ \t]+)(?<name>[^>]+)(?<close>>)")]
    private static partial Regex VoiceTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    public static TranscriptSegment ToSegment(WebVttCue cue)
    {
        var text = new StringBuilder();
        string? speaker = null;
        foreach (var payload in cue.Text.Split('\n'))
        {
            var voice = LeadingVoiceTag().Match(payload);
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
        return new TranscriptSegment(cue.Start, cue.End, speaker, text.ToString());
    }

    /// <summary>
    /// A line of a captions file with <paramref name="name"/> replaced by <paramref name="replacement"/>: in voice tags
    /// (compared after decoding character references, ignoring case) and wherever it stands in the text.
    /// </summary>
    public static string EraseName(string line, string name, string replacement)
    {
        var erased = VoiceTag().Replace(line, m =>
            string.Equals(WebUtility.HtmlDecode(m.Groups["name"].Value).Trim(), name, StringComparison.OrdinalIgnoreCase)
                ? m.Groups["open"].Value + Escape(replacement) + m.Groups["close"].Value
                : m.Value);
        return EraseInText(erased, name, replacement);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Plain text with every mention of <paramref name="name"/> (ignoring case) replaced.</summary>
    public static string EraseInText(string text, string name, string replacement) =>
        text.Replace(name, replacement, StringComparison.OrdinalIgnoreCase);
}
