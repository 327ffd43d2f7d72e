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

    private static readonly NormalizeCharMap Folding = BuildFolding();

    private readonly Mode mode;
    private readonly Func<string, bool>? wantedHead;

    private NorwegianAnalysis(Mode mode, Func<string, bool>? wantedHead = null)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        this.mode = mode;
        this.wantedHead = wantedHead;
    }

    private enum Mode
    {
        /// <summary>Text fields get stems, heads fields get the stems of compound heads.</summary>
        Index,

        /// <summary>Every field gets both, at the same offsets: what the highlighter compares query terms with.</summary>
        Highlight,
    }

    /// <summary>For indexing and for analysing the user's words (per field).</summary>
    public static NorwegianAnalysis ForIndex() => new(Mode.Index);

    /// <summary>
    /// For snippets: a word is marked whether the query matched it whole or by its compound head. A stem is the start of the
    /// word it came from, so only heads that start with one of the query's <paramref name="terms"/> are emitted (and stemmed).
    /// </summary>
    public static NorwegianAnalysis ForHighlight(IReadOnlyCollection<string> terms) =>
        new(Mode.Highlight, head => terms.Any(t => head.StartsWith(t, StringComparison.Ordinal)));

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Folding, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new LowerCaseFilter(Version, source);
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
        foreach (var (from, to) in new[]
        {
            ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("É", "e"), ("á", "a"), ("à", "a"), ("â", "a"), ("ó", "o"), ("ò", "o"),
            ("ô", "o"), ("ú", "u"), ("ü", "u"), ("í", "i"), ("ç", "c"), ("ñ", "n"),
            // Swedish and German spellings of the Norwegian letters, as in names.
            ("ä", "æ"), ("Ä", "æ"), ("ö", "ø"), ("Ö", "ø"),
        })
        {
            map.Add(from, to);
        }
        return map.Build();
    }
}
