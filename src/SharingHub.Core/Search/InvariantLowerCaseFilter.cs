using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SharingHub.Search;

/// <summary>
/// Lower-cases each term exactly as Lucene's LowerCaseFilter does (the invariant culture's casing, which keeps the length),
/// without its cost: that filter makes two strings per token and calls into the globalization library for any letter
/// beyond ASCII, as every æ, ø and å is. Here a term of Latin-1 letters is lower-cased from a table made with the same
/// casing, and any other term through a buffer on the stack.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private const int StackChars = 128; // the tokenizer's terms are at most 64 characters

    private static readonly char[] Latin1 = [.. Enumerable.Range(0, 256).Select(c => char.ToLowerInvariant((char)c))];

    private readonly ICharTermAttribute term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var text = term.Buffer.AsSpan(0, term.Length);
        if (!text.ContainsAnyExceptInRange('\0', 'ÿ'))
        {
            foreach (ref var c in text)
            {
                c = Latin1[c];
            }
            return true;
        }
        var lower = (text.Length <= StackChars ? stackalloc char[StackChars] : new char[text.Length])[..text.Length];
        text.ToLowerInvariant(lower);
        lower.CopyTo(text);
        return true;
    }
}
