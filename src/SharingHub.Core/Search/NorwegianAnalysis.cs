using System.Buffers;
using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SharingHub.Search;

/// <summary>
/// How Norwegian text becomes terms: Unicode word breaks, lower case, accents on foreign letters folded (é → e, so "kafe"
/// finds "kafé") while æ, ø and å stay distinct, Norwegian stop words dropped, and the light stemmer for bokmål and nynorsk
/// together (barnehagen/barnehager → barnehag, jenta/jentene → jent). Heads fields also split compounds (<see cref="CompoundHeadFilter"/>).
/// </summary>
public sealed class NorwegianAnalysis : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Accents on foreign letters folded, and Swedish and German spellings of the Norwegian letters (as in names): one letter each.</summary>
    private static readonly FrozenDictionary<char, char> FoldedLetters = new Dictionary<char, char>
    {
        ['é'] = 'e', ['è'] = 'e', ['ê'] = 'e', ['ë'] = 'e', ['É'] = 'e', ['á'] = 'a', ['à'] = 'a', ['â'] = 'a', ['ó'] = 'o', ['ò'] = 'o',
        ['ô'] = 'o', ['ú'] = 'u', ['ü'] = 'u', ['í'] = 'i', ['ç'] = 'c', ['ñ'] = 'n',
        ['ä'] = 'æ', ['Ä'] = 'æ', ['ö'] = 'ø', ['Ö'] = 'ø',
    }.ToFrozenDictionary();

    private static readonly NormalizeCharMap Folding = BuildFolding();

    private readonly Mode mode;
    private readonly Func<ReadOnlySpan<char>, bool>? wantedHead;

    private NorwegianAnalysis(Mode mode, Func<ReadOnlySpan<char>, bool>? wantedHead = null)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        this.mode = mode;
        this.wantedHead = wantedHead;
    }

    private enum Mode
    {
        /// <summary>Text fields get stems, heads fields get the stems of compound heads.</summary>
        Index,

        /// <summary>
        /// Every field gets both, at the same offsets: what the highlighter compares query terms with. Takes text already
        /// folded (<see cref="HighlightTokens"/>).
        /// </summary>
        Highlight,
    }

    /// <summary>For indexing and for analysing the user's words (per field).</summary>
    public static NorwegianAnalysis ForIndex() => new(Mode.Index);

    /// <summary>
    /// For snippets: a word is marked whether the query matched it whole or by its compound head. A stem is the start of the
    /// word it came from, so only heads that start with one of the query's <paramref name="terms"/> are emitted (and stemmed).
    /// </summary>
    public static NorwegianAnalysis ForHighlight(IReadOnlyCollection<string> terms)
    {
        var starts = terms.ToArray();
        return new(Mode.Highlight, head =>
        {
            foreach (var start in starts)
            {
                if (head.StartsWith(start, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        });
    }

    private static readonly SearchValues<char> Foldable = SearchValues.Create([.. FoldedLetters.Keys]);

    /// <summary>
    /// <paramref name="text"/> with the letters the index folds folded (ä to æ, é to e), one letter for one, so that offsets
    /// into it are offsets into the text. The text itself when it holds none of them.
    /// </summary>
    public static string Fold(string text) =>
        text.AsSpan().IndexOfAny(Foldable) < 0
            ? text
            : string.Create(text.Length, text, static (letters, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    letters[i] = FoldedLetters.GetValueOrDefault(source[i], source[i]);
                }
            });

    /// <summary>
    /// The highlighter's tokens for <paramref name="folded"/>, a text already through <see cref="Fold"/> (an analysis from
    /// <see cref="ForHighlight"/>): the same terms at the same offsets as through the char filter. The char filter took a
    /// lock for every character it read, a good share of a snippet's cost.
    /// </summary>
    public TokenStream HighlightTokens(string field, string folded)
    {
        if (mode != Mode.Highlight)
        {
            throw new InvalidOperationException("Only an analysis for highlighting takes folded text.");
        }
        return GetTokenStream(field, folded);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        mode == Mode.Highlight ? reader : new MappingCharFilter(Folding, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new InvariantLowerCaseFilter(source);
        stream = new StopFilter(Version, stream, NorwegianAnalyzer.DefaultStopSet);
        if (mode == Mode.Highlight)
        {
            stream = new CompoundHeadFilter(stream, keepWord: true, wantedHead);
        }
        else if (SearchFields.IsHeads(fieldName))
        {
            stream = new CompoundHeadFilter(stream, keepWord: false);
        }
        stream = new NorwegianLightStemFilter(stream, NorwegianStandard.BOKMAAL | NorwegianStandard.NYNORSK);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The stems of <paramref name="text"/> as the index holds them in <paramref name="field"/>, with their positions.</summary>
    public IReadOnlyList<(string Term, int Position)> Terms(string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    private static NormalizeCharMap BuildFolding()
    {
        var map = new NormalizeCharMap.Builder();
        foreach (var (from, to) in FoldedLetters)
        {
            map.Add(from.ToString(), to.ToString());
        }
        return map.Build();
    }
}
