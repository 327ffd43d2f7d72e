using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;

namespace SharingHub.Search;

/// <summary>
/// Builds the Lucene query for the user's words. Each word must match (with five or more words, three in four must), in
/// any text field, weighted title &gt; summary &gt; body &gt; transcript; it matches its stem exactly, as the head of a compound,
/// and by prefix (vaksine → vaksinering). A word of six letters or more that the index does not hold at all is taken for a
/// typo and matched with one edit (not in the first letter): correctly spelt words never pay for fuzzy matching. Phrases match stems in order; exclusions
/// remove every document that has the word or phrase. The query's size is bounded by <see cref="UserWords.MaxParts"/>.
/// </summary>
public sealed class SearchQueryBuilder(NorwegianAnalysis analysis)
{
    public const int FuzzyFromLetters = 6;
    public const int PrefixFromLetters = 5;
    private const float HeadWeight = 0.5f;
    private const float PrefixWeight = 0.3f;
    private const float FuzzyWeight = 0.4f;

    /// <param name="reader">The index the query will run on: tells whether a word is unknown (a typo). Null: never fuzzy.</param>
    /// <returns>null when no word is left to look for (only stop words or punctuation).</returns>
    public Query? Build(UserWords words, IndexReader? reader)
    {
        var query = new BooleanQuery(disableCoord: true);
        var groups = new List<Query>();
        foreach (var word in words.Words)
        {
            foreach (var (stem, _) in analysis.Terms(SearchFields.Title, word))
            {
                groups.Add(Word(stem, word.Length >= FuzzyFromLetters && reader is not null && Unknown(reader, stem)));
            }
        }
        foreach (var phrase in words.Phrases)
        {
            if (Phrase(phrase) is { } q)
            {
                groups.Add(q);
            }
        }
        if (groups.Count == 0)
        {
            return null;
        }
        var required = groups.Count <= 4 ? groups.Count : (int)Math.Ceiling(groups.Count * 0.75);
        if (required == groups.Count)
        {
            groups.ForEach(g => query.Add(g, Occur.MUST));
        }
        else
        {
            var some = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = required };
            groups.ForEach(g => some.Add(g, Occur.SHOULD));
            query.Add(some, Occur.MUST);
        }
        foreach (var excluded in words.Excluded)
        {
            if (Phrase(excluded) is { } q)
            {
                query.Add(q, Occur.MUST_NOT);
            }
        }
        return query;
    }

    /// <summary>One word in every field and every way it may appear.</summary>
    private static bool Unknown(IndexReader reader, string stem) =>
        SearchFields.Text.All(t => reader.DocFreq(new Term(t.Field, stem)) == 0 && reader.DocFreq(new Term(SearchFields.Heads(t.Field), stem)) == 0);

    private static BooleanQuery Word(string stem, bool fuzzy)
    {
        var any = new BooleanQuery(disableCoord: true);
        var typo = fuzzy ? OneEdit(stem) : null;
        foreach (var (field, boost) in SearchFields.Text)
        {
            any.Add(new TermQuery(new Term(field, stem)) { Boost = boost }, Occur.SHOULD);
            any.Add(new TermQuery(new Term(SearchFields.Heads(field), stem)) { Boost = boost * HeadWeight }, Occur.SHOULD);
            if (stem.Length >= PrefixFromLetters)
            {
                var prefix = new PrefixQuery(new Term(field, stem)) { Boost = boost * PrefixWeight };
                prefix.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(16);
                any.Add(prefix, Occur.SHOULD);
            }
            if (typo is not null)
            {
                any.Add(new AutomatonQuery(new Term(field, stem), typo) { Boost = boost * FuzzyWeight, MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(16) }, Occur.SHOULD);
            }
        }
        return any;
    }

    /// <summary>
    /// The words one edit (a transposition counts as one) from <paramref name="stem"/>, with its first letter kept, as one
    /// automaton shared by every field: a FuzzyQuery would build its automata again for each field and index segment.
    /// </summary>
    private static Automaton OneEdit(string stem) =>
        BasicOperations.Concatenate(BasicAutomata.MakeString(stem[..1]), new LevenshteinAutomata(stem[1..], withTranspositions: true).ToAutomaton(1));

    /// <summary>
    /// The stems of the phrase in order, in any one text field. A single word matches whole or as a compound head, so an
    /// exclusion -avfall also drops "matavfall".
    /// </summary>
    private Query? Phrase(string text)
    {
        var terms = analysis.Terms(SearchFields.Title, text);
        if (terms.Count == 0)
        {
            return null;
        }
        if (terms.Count == 1)
        {
            var one = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in SearchFields.Text)
            {
                one.Add(new TermQuery(new Term(field, terms[0].Term)) { Boost = boost }, Occur.SHOULD);
                one.Add(new TermQuery(new Term(SearchFields.Heads(field), terms[0].Term)) { Boost = boost * HeadWeight }, Occur.SHOULD);
            }
            return one;
        }
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in SearchFields.Text)
        {
            var phrase = new PhraseQuery { Boost = boost * 1.5f };
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(field, term), position);
            }
            any.Add(phrase, Occur.SHOULD);
        }
        return any;
    }
}
