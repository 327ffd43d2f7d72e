namespace SharingHub.Digests;

/// <summary>The <c>Digests</c> section. Teams' documented limits are the defaults.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Where links in a digest point back to.</summary>
    public string HubBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Teams refuses messages past about 28 KB; the rendered HTML stays under this many UTF-8 bytes.</summary>
    public int MaxMessageBytes { get; set; } = 27_000;

    /// <summary>The self-host runs the hourly due-job and the delivery worker in the background (tests drive them by hand).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>How long a worker may hold a delivery in "sending" before another may take it over (after checking Teams).</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Tries of one Graph post against 429/503 before the delivery goes back to the queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Queue deliveries of one message before it is given up and the delivery marked failed.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public int FailuresBeforePause { get; set; } = 3;
    /// <summary>
    /// Deliveries one worker process holds at once. Each message's steps wait for storage in turn, so keeping the app's
    /// 500 posts a second going takes a few hundred in flight.
    /// </summary>
    public int WorkerConcurrency { get; set; } = 256;
    public int ChannelPerSecond { get; set; } = 4;
    public int TenantPerSecond { get; set; } = 50;
    public int AppPerSecond { get; set; } = 500;
    public int ChannelPerDay { get; set; } = 3_000;

    /// <summary>A new subscription's first digest covers stories published this many days before it was created.</summary>
    public int FirstDigestLookbackDays { get; set; } = 7;
}
