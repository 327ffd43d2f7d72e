using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SharingHub.Search;

/// <summary>
/// Lower-cases each term exactly as Lucene's LowerCaseFilter does (the invariant culture's casing, which keeps the length),
/// without the two strings that filter makes for every token: a term is lower-cased through a buffer on the stack.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private const int StackChars = 128; // the tokenizer's terms are at most 64 characters

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
        var lower = (text.Length <= StackChars ? stackalloc char[StackChars] : new char[text.Length])[..text.Length];
        text.ToLowerInvariant(lower);
        lower.CopyTo(text);
        return true;
    }
}
