using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace SharingHub.People;

/// <summary>
/// The person an erasure concerns: the address that identifies them (lower-case, valid) and the names they appear under
/// (given with the request, or recorded beside the address as a story's contact or a presentation's speaker).
/// </summary>
public sealed class ErasedPerson
{
    /// <summary>What an erased address or name becomes in text.</summary>
    public const string Placeholder = "[slettet]";

    /// <summary>Shorter names are too likely to be parts of other words to be replaced.</summary>
    public const int MinNameLength = 3;

    private static readonly HtmlEncoder AllRanges = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly Regex pattern;
    private ErasedPerson? addressOnly;

    public ErasedPerson(string email, IEnumerable<string> names)
    {
        Email = email;
        Names = [.. names.Select(n => n.Trim()).Where(n => n.Length >= MinNameLength).Distinct(StringComparer.OrdinalIgnoreCase)];
        pattern = Build(email, Names);
    }

    public string Email { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The same person known by the address alone: for checks that a name is not enough for (it may be someone else's).</summary>
    public ErasedPerson AddressOnly => addressOnly ??= new(Email, []);

    public bool IsAddress(string? email) => string.Equals(email?.Trim(), Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the text holds the address or one of the names, as written or HTML- or URL-encoded.</summary>
    public bool IsMentionedIn(string? text) => text is not null && pattern.IsMatch(text);

    /// <summary>The text with the address and the names replaced by <see cref="Placeholder"/>, in plain text, HTML and URLs alike.</summary>
    public string? Redact(string? text) => text is null ? null : pattern.Replace(text, Placeholder);

    /// <summary>
    /// The address anywhere (also inside a longer word: an address is never part of something else), as written, URL-encoded
    /// or HTML-encoded; a name as a whole word (a Norwegian genitive "s" may follow), with any white space between its parts.
    /// </summary>
    private static Regex Build(string email, IReadOnlyList<string> names)
    {
        var addresses = new[] { email, Uri.EscapeDataString(email), AllRanges.Encode(email), WebUtility.HtmlEncode(email) }
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Regex.Escape);
        var nameForms = names
            .SelectMany(n => new[] { n, AllRanges.Encode(n), HtmlEncoder.Default.Encode(n), WebUtility.HtmlEncode(n) })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Select(n => string.Join(@"\s+", n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToList();
        var alternatives = addresses.ToList();
        if (nameForms.Count > 0)
        {
            alternatives.Add($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', nameForms)})(?=s?(?![\p{{L}}\p{{N}}]))");
        }
        return new Regex(string.Join('|', alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }
}
