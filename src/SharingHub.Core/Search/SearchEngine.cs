using System.Globalization;
using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using SharingHub.Reference;
using SharingHub.Stories.Pages;
using SharingHub.Webinars.Pages;

namespace SharingHub.Search;

/// <summary>Runs a search on an index: the query, the filters, the top hits with facet counts, and a marked snippet per hit.</summary>
public sealed class SearchEngine
{
    /// <summary>Hits beyond this rank are not paged to; the total still counts them.</summary>
    public const int MaxRank = 1_000;
    private const int SnippetChars = 220;

    private readonly SearchQueryBuilder builder = new(NorwegianAnalysis.ForIndex());

    /// <summary>The Lucene query for the request's words and filters; null when no word is left to look for.</summary>
    public (Query Query, Filter? Filter)? Compile(SearchRequest request, IndexReader reader)
    {
        if (builder.Build(request.Words, reader) is not { } query)
        {
            return null;
        }
        var filters = new BooleanQuery();
        foreach (var (facet, value) in request.Facets.Filters())
        {
            filters.Add(new TermQuery(new Term(facet, value)), Occur.MUST);
        }
        if (request.Type == SearchKinds.Story)
        {
            filters.Add(new TermQuery(new Term(SearchFields.Kind, SearchKinds.Story)), Occur.MUST);
        }
        else if (request.Type == SearchKinds.Episode)
        {
            filters.Add(new TermQuery(new Term(SearchFields.Kind, SearchKinds.Story)), Occur.MUST_NOT);
            filters.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return (query, filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters));
    }

    public SearchPage Search(IndexSearcher searcher, SearchRequest request)
    {
        if (Compile(request, searcher.IndexReader) is not var (query, filter))
        {
            return SearchPage.Empty;
        }
        var rewritten = searcher.Rewrite(query);
        var top = TopScoreDocCollector.Create(Math.Min(request.Offset + request.Limit, MaxRank), docsScoredInOrder: false);
        var facets = new FacetCounter();
        searcher.Search(rewritten, filter, MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs(request.Offset, request.Limit).ScoreDocs;

        using var marker = MarkerFor(rewritten);
        var hits = docs.Select(d => Hit(searcher.Doc(d.Doc), marker)).ToList();
        var next = request.Offset + docs.Length;
        var (goals, counties) = facets.Results();
        return new SearchPage(
            hits,
            facets.Hits,
            new SearchFacets(Goals(goals), Counties(counties)),
            docs.Length == request.Limit && next < Math.Min(facets.Hits, MaxRank) ? SearchContinuation.Encode(next) : null);
    }

    private static Marker MarkerFor(Query rewritten)
    {
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        var texts = terms.Select(t => t.Text).Distinct(StringComparer.Ordinal).ToArray();
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryTermScorer([.. texts.Select(t => new WeightedTerm(1f, t))]))
        {
            TextFragmenter = new SimpleFragmenter(SnippetChars),
            MaxDocCharsToAnalyze = 4_000, // a snippet from the start of a long body, at a bounded cost per hit
        };
        return new Marker(highlighter, NorwegianAnalysis.ForHighlight(texts), texts);
    }

    /// <summary>
    /// The highlighter, its analyzer, and the terms it marks. A stem is part of every word it marks, so a text that holds
    /// none of them is not analysed at all, and a long text is analysed only around the first place that holds one: a
    /// window of a few snippets' length, from the word before it (the whole text again only if that window marks nothing).
    /// </summary>
    private sealed record Marker(Highlighter Highlighter, NorwegianAnalysis Analysis, string[] Terms) : IDisposable
    {
        private const int WindowChars = 3 * SnippetChars;

        public string? Mark(string field, string text)
        {
            // The terms are folded as the index folds ("Ärlig" is found as "ærlig"): look for them in the folded text,
            // whose offsets are the text's.
            var folded = NorwegianAnalysis.Fold(text);
            var first = -1;
            foreach (var term in Terms)
            {
                if (folded.IndexOf(term, StringComparison.OrdinalIgnoreCase) is var at and >= 0 && (first < 0 || at < first))
                {
                    first = at;
                }
            }
            if (first < 0)
            {
                return null;
            }
            if (text.Length <= WindowChars)
            {
                return Fragment(field, text, folded);
            }
            var start = Math.Max(0, first - (SnippetChars / 4));
            start = start == 0 ? 0 : text.LastIndexOf(' ', start) + 1;
            var end = Math.Min(text.Length, start + WindowChars);
            end = end == text.Length || text.IndexOf(' ', end) is not (var space and >= 0) ? text.Length : space;
            return Fragment(field, text[start..end], folded[start..end])
                ?? (start == 0 && end == text.Length ? null : Fragment(field, text, folded));
        }

        private string? Fragment(string field, string text, string folded) =>
            Highlighter.GetBestFragment(Analysis.HighlightTokens(field, folded), text);

        public void Dispose() => Analysis.Dispose();
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document doc, Marker marker)
    {
        var kind = doc.Get(SearchFields.Kind);
        var id = doc.Get(SearchFields.Id);
        var title = doc.Get(SearchFields.DisplayTitle);
        if (kind == SearchKinds.Transcript)
        {
            var start = doc.GetField(SearchFields.StartSeconds)?.GetDoubleValue() ?? 0;
            return new SearchHit(SearchKinds.Episode, id, title, WebinarLinks.RecordingAt(id, start),
                Snippet(marker, doc, SearchFields.Transcript), doc.Get(SearchFields.PresentationId), start);
        }
        var url = kind == SearchKinds.Story ? StoryLinks.Page(id) : WebinarLinks.Page(id);
        return new SearchHit(kind, id, title, url, Snippet(marker, doc, SearchFields.Summary, SearchFields.Body, SearchFields.Title), null, null);
    }

    /// <summary>The best marked fragment of the first field that has a match; else the start of the first field with text.</summary>
    private static string Snippet(Marker marker, Lucene.Net.Documents.Document doc, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (doc.Get(field) is { Length: > 0 } text && marker.Mark(field, text) is { Length: > 0 } fragment)
            {
                return fragment.Trim();
            }
        }
        var first = fields.Select(doc.Get).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? string.Empty;
        return WebUtility.HtmlEncode(Shorten(first));
    }

    private static string Shorten(string text)
    {
        if (text.Length <= SnippetChars)
        {
            return text.Trim();
        }
        var cut = text[..SnippetChars];
        var space = cut.LastIndexOf(' ');
        return (space > SnippetChars / 2 ? cut[..space] : cut).Trim() + " …";
    }

    private static List<FacetCount> Goals(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.Select(c => new FacetCount(c.Key, GoalName(c.Key), c.Value)).OrderByDescending(c => c.Count).ThenBy(c => int.Parse(c.Value, CultureInfo.InvariantCulture))];

    private static List<FacetCount> Counties(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.Select(c => new FacetCount(c.Key, ReferenceData.Instance.CountyByNumber.GetValueOrDefault(c.Key)?.Name ?? c.Key, c.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    private static string GoalName(string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var number) && ReferenceData.Instance.Goals.FirstOrDefault(g => g.Number == number) is { } goal
            ? goal.ShortName
            : value;
}

/// <summary>The continuation token: the rank the next page starts at, opaque to the client.</summary>
public static class SearchContinuation
{
    public static string Encode(int offset) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"o{offset}")).TrimEnd('=');

    public static int? Decode(string token)
    {
        try
        {
            var padded = token.PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            var text = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return text.Length > 1 && text[0] == 'o' && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < SearchEngine.MaxRank
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
