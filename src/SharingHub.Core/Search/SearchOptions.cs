namespace SharingHub.Search;

/// <summary>Settings under "Search". The defaults suit both hosts.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How often a searching instance asks whether a newer snapshot was published (one HEAD request).</summary>
    public double SnapshotCheckSeconds { get; set; } = 3;

    /// <summary>How long received notices stay invisible to other indexers; longer than a full rebuild takes.</summary>
    public double NoticeLeaseSeconds { get; set; } = 300;

    /// <summary>The self-host's indexer looks at the queue this often when this process queued nothing.</summary>
    public double IndexerPollSeconds { get; set; } = 2;

    /// <summary>Notices taken in one indexing cycle (one snapshot publishes them all).</summary>
    public int MaxNoticesPerCycle { get; set; } = 256;

    /// <summary>Whether the self-host runs the indexer in the background (the Functions app uses a queue trigger).</summary>
    public bool RunIndexer { get; set; } = true;
}
