using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SharingHub.Search;

/// <summary>
/// Builds the Lucene query for the user's words. Each word must match (with five or more words, three in four must), in
/// any text field, weighted title &gt; summary &gt; body &gt; transcript; it matches its stem exactly, as the head of a compound,
/// by prefix (vaksine → vaksinering) and, from six letters on, with a typo. Phrases match stems in order; exclusions
/// remove every document that has the word or phrase. The query's size is bounded by <see cref="UserWords.MaxParts"/>.
/// </summary>
public sealed class SearchQueryBuilder(NorwegianAnalysis analysis)
{
    public const int FuzzyFromLetters = 6;
    public const int PrefixFromLetters = 5;
    private const float HeadWeight = 0.5f;
    private const float PrefixWeight = 0.3f;
    private const float FuzzyWeight = 0.4f;

    /// <returns>null when no word is left to look for (only stop words or punctuation).</returns>
    public Query? Build(UserWords words)
    {
        var query = new BooleanQuery(disableCoord: true);
        var groups = new List<Query>();
        foreach (var word in words.Words)
        {
            foreach (var (stem, _) in analysis.Terms(SearchFields.Title, word))
            {
                groups.Add(Word(stem, word.Length));
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
    private static BooleanQuery Word(string stem, int letters)
    {
        var any = new BooleanQuery(disableCoord: true);
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
            if (letters >= FuzzyFromLetters)
            {
                var edits = letters >= 10 ? 2 : 1;
                any.Add(new FuzzyQuery(new Term(field, stem), edits, prefixLength: 1, maxExpansions: 16, transpositions: true) { Boost = boost * FuzzyWeight }, Occur.SHOULD);
            }
        }
        return any;
    }

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
