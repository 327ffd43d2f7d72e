using System.ComponentModel.DataAnnotations;

namespace SharingHub.Feeds;

/// <summary>Limits for fetching and parsing network feeds ("Feeds" section). Every bad source is bounded by these.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Whole request, headers and body: a server that never answers costs at most this.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Bytes read from one response at most; the rest is never read.</summary>
    [Range(1024, 512 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Items turned into stories per poll, newest first; the rest are counted as skipped.</summary>
    [Range(1, 10_000)]
    public int MaxItemsPerPoll { get; set; } = 500;

    /// <summary>Sources polled at the same time by the due job.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>How often the self-host looks for due sources. The Functions app uses its timer trigger instead.</summary>
    [Range(5, 3600)]
    public int CheckEverySeconds { get; set; } = 60;

    /// <summary>
    /// Lets sources on loopback, private and other internal addresses be registered and fetched: for a feed server on this
    /// machine (tests turn it on themselves). Off by default in every environment; a hub in Azure can reach its VNet.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Off in tests that drive <see cref="FeedPollingJob.RunOnceAsync"/> themselves.</summary>
    public bool PollInBackground { get; set; } = true;
}
