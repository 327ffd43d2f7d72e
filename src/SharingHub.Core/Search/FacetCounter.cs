using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SharingHub.Search;

/// <summary>
/// Counts goals and counties over every hit, from doc values, while the top hits are collected (Lucene.Net.Facet is not
/// available here, and two fields need nothing more than ordinal counting per segment).
/// </summary>
public sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> goals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> counties = new(StringComparer.Ordinal);
    private SortedSetDocValues? goalValues;
    private SortedDocValues? countyValues;
    private int[] goalCounts = [];
    private int[] countyCounts = [];

    public int Hits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        goalValues = context.AtomicReader.GetSortedSetDocValues(SearchFields.Goal);
        countyValues = context.AtomicReader.GetSortedDocValues(SearchFields.Fylke);
        goalCounts = new int[goalValues?.ValueCount ?? 0];
        countyCounts = new int[countyValues?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        Hits++;
        if (goalValues is not null)
        {
            goalValues.SetDocument(doc);
            long ord;
            while ((ord = goalValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                goalCounts[ord]++;
            }
        }
        if (countyValues is not null && countyValues.GetOrd(doc) is var county and >= 0)
        {
            countyCounts[county]++;
        }
    }

    /// <summary>The counts by value, after the search.</summary>
    public (IReadOnlyDictionary<string, int> Goals, IReadOnlyDictionary<string, int> Counties) Results()
    {
        Flush();
        return (goals, counties);
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < goalCounts.Length; ord++)
        {
            if (goalCounts[ord] > 0)
            {
                goalValues!.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                goals[value] = goals.GetValueOrDefault(value) + goalCounts[ord];
            }
        }
        for (var ord = 0; ord < countyCounts.Length; ord++)
        {
            if (countyCounts[ord] > 0)
            {
                countyValues!.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                counties[value] = counties.GetValueOrDefault(value) + countyCounts[ord];
            }
        }
        goalCounts = [];
        countyCounts = [];
    }
}
