using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SharingHub.Search;

/// <summary>
/// Norwegian writes compounds as one word, and the last part says what the thing is: "matavfall" is a kind of "avfall",
/// "skolekafé" a kind of "kafé". For each word this emits its possible heads — every ending of at least
/// <see cref="MinHead"/> letters that leaves at least <see cref="MinModifier"/> letters in front — at the word's position
/// and offsets, so the stemmer after it reduces them like any word and a query for "avfall" meets "matavfallet".
/// No dictionary is needed, and a short word such as "is" or "ting" never splits a longer one.
/// </summary>
public sealed class CompoundHeadFilter : TokenFilter
{
    public const int MinHead = 4;
    public const int MinModifier = 3;

    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute increment;
    private readonly bool keepWord;
    private readonly Func<ReadOnlySpan<char>, bool>? wanted;
    private readonly Queue<string> heads = new();
    private State? word;
    private bool firstOfWord;

    /// <param name="keepWord">Emit the word itself too (the highlighter wants both); the heads field holds heads only.</param>
    /// <param name="wanted">Emit only the heads this accepts (the highlighter: heads that can stem to a query term).</param>
    public CompoundHeadFilter(TokenStream input, bool keepWord, Func<ReadOnlySpan<char>, bool>? wanted = null)
        : base(input)
    {
        this.keepWord = keepWord;
        this.wanted = wanted;
        term = AddAttribute<ICharTermAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (heads.Count > 0 && word is not null)
            {
                RestoreState(word);
                term.SetEmpty().Append(heads.Dequeue());
                if (keepWord || !firstOfWord)
                {
                    increment.PositionIncrement = 0; // at the word's own position (positions in heads fields serve no phrase)
                }
                firstOfWord = false;
                return true;
            }
            if (!m_input.IncrementToken())
            {
                return false;
            }
            var text = term.Buffer.AsSpan(0, term.Length); // a head becomes a string only when it is emitted
            for (var start = MinModifier; text.Length - start >= MinHead; start++)
            {
                if (char.IsLetter(text[start]) && (wanted is null || wanted(text[start..])))
                {
                    heads.Enqueue(new string(text[start..]));
                }
            }
            word = heads.Count > 0 ? CaptureState() : null;
            firstOfWord = true;
            if (keepWord)
            {
                return true;
            }
        }
    }

    public override void Reset()
    {
        base.Reset();
        heads.Clear();
        word = null;
    }
}
