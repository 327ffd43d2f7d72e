using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SharingHub.Search;

/// <summary>
/// Counts goals and counties over every hit while the top hits are collected (Lucene.Net.Facet is not available here, and
/// two fields need nothing more than ordinal counting per segment). A segment's ordinals are read from its doc values once
/// into plain arrays (<see cref="SegmentFacets"/>), so counting a hit is two array reads and no doc-values decoding.
/// </summary>
public sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> goals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> counties = new(StringComparer.Ordinal);
    private SegmentFacets segment = SegmentFacets.None;
    private int[] goalCounts = [];
    private int[] countyCounts = [];

    public int Hits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Reads every segment's ordinals ahead, so the first search on a fresh snapshot does not pay for it.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            SegmentFacets.Of(leaf.AtomicReader);
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        segment = SegmentFacets.Of(context.AtomicReader);
        goalCounts = new int[segment.GoalValues.Length];
        countyCounts = new int[segment.CountyValues.Length];
    }

    public void Collect(int doc)
    {
        Hits++;
        var goalOrds = segment.GoalOrds;
        for (int i = segment.GoalStarts[doc], end = segment.GoalStarts[doc + 1]; i < end; i++)
        {
            goalCounts[goalOrds[i]]++;
        }
        if (segment.CountyOrds[doc] is var county and >= 0)
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
        Add(goals, goalCounts, segment.GoalValues);
        Add(counties, countyCounts, segment.CountyValues);
        goalCounts = [];
        countyCounts = [];
    }

    private static void Add(Dictionary<string, int> totals, int[] counts, string[] values)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
            }
        }
    }

    /// <summary>
    /// One segment's goal and county ordinals per document as arrays (goals in compressed-row form: the ordinals of document d
    /// are GoalOrds[GoalStarts[d]..GoalStarts[d+1]]), and the values behind the ordinals. A segment never changes, so this is
    /// built once per segment core and dropped with it.
    /// </summary>
    private sealed record SegmentFacets(int[] GoalStarts, int[] GoalOrds, string[] GoalValues, int[] CountyOrds, string[] CountyValues)
    {
        private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = [];

        public static readonly SegmentFacets None = new([0], [], [], [], []);

        public static SegmentFacets Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Read(reader));

        private static SegmentFacets Read(AtomicReader reader)
        {
            var maxDoc = reader.MaxDoc;
            var bytes = new BytesRef();
            var starts = new int[maxDoc + 1];
            var ords = new List<int>();
            var goalValues = Array.Empty<string>();
            if (reader.GetSortedSetDocValues(SearchFields.Goal) is { } goal)
            {
                for (var doc = 0; doc < maxDoc; doc++)
                {
                    starts[doc] = ords.Count;
                    goal.SetDocument(doc);
                    long ord;
                    while ((ord = goal.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        ords.Add((int)ord);
                    }
                }
                goalValues = new string[goal.ValueCount];
                for (var ord = 0; ord < goalValues.Length; ord++)
                {
                    goal.LookupOrd(ord, bytes);
                    goalValues[ord] = bytes.Utf8ToString();
                }
            }
            starts[maxDoc] = ords.Count;

            var countyOrds = new int[maxDoc];
            Array.Fill(countyOrds, -1);
            var countyValues = Array.Empty<string>();
            if (reader.GetSortedDocValues(SearchFields.Fylke) is { } county)
            {
                for (var doc = 0; doc < maxDoc; doc++)
                {
                    countyOrds[doc] = county.GetOrd(doc);
                }
                countyValues = new string[county.ValueCount];
                for (var ord = 0; ord < countyValues.Length; ord++)
                {
                    county.LookupOrd(ord, bytes);
                    countyValues[ord] = bytes.Utf8ToString();
                }
            }
            return new SegmentFacets(starts, [.. ords], goalValues, countyOrds, countyValues);
        }
    }
}
