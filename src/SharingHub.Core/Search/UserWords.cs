using System.Text;

namespace SharingHub.Search;

/// <summary>
/// The user's words, read as a person means them and never as a query language: words, "phrases in quotes" and -exclusions.
/// Every other character is only text: *, :, brackets, AND/OR, a lone quote. An unbalanced quote runs to the end of the text.
/// </summary>
public sealed record UserWords(IReadOnlyList<string> Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded)
{
    /// <summary>Beyond this many parts the rest is ignored: a long paste stays as cheap as a short query.</summary>
    public const int MaxParts = 16;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    public static UserWords Parse(string text)
    {
        var words = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        var i = 0;
        while (i < text.Length && words.Count + phrases.Count + excluded.Count < MaxParts)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var exclude = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]));
            if (exclude)
            {
                i++;
            }
            string part;
            var quoted = text[i] == '"';
            if (quoted)
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                part = text[(i + 1)..end];
                i = close < 0 ? text.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }
                part = text[start..i];
            }
            part = Clean(part);
            if (part.Length == 0)
            {
                continue;
            }
            (exclude ? excluded : quoted ? phrases : words).Add(part);
        }
        return new UserWords(words, phrases, excluded);
    }

    /// <summary>Letters, digits and the joiners inside words; anything else separates words.</summary>
    private static string Clean(string part)
    {
        var clean = new StringBuilder(part.Length);
        foreach (var c in part)
        {
            clean.Append(char.IsLetterOrDigit(c) || c is '-' or '\'' or '.' ? c : ' ');
        }
        return clean.ToString().Trim(' ', '-', '\'', '.');
    }
}
