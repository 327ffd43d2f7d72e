namespace SharingHub.Digests;

/// <summary>What Bærekraftsfredag brings to a digest. The webinar feature provides the real one; until then, nothing.</summary>
public interface IDigestWebinarSource
{
    /// <summary>Recordings and slides published at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<DigestAsset>> GetNewAssetsAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The next planned episode after <paramref name="now"/>, if one is planned.</summary>
    Task<DigestEpisode?> GetNextEpisodeAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>The Oslo date of the latest episode held on or before <paramref name="now"/> (drives the "day after" cadence).</summary>
    Task<DateOnly?> GetLastEpisodeDayAsync(DateTimeOffset now, CancellationToken ct);
}

/// <param name="Kind">"recording" or "slides".</param>
public sealed record DigestAsset(string Id, string EpisodeTitle, string Kind, string Url, DateTimeOffset PublishedAt);

public sealed record DigestEpisode(string Id, string Title, DateTimeOffset StartsAt, string? Url);

public sealed class NoWebinarSource : IDigestWebinarSource
{
    public Task<IReadOnlyList<DigestAsset>> GetNewAssetsAsync(DateTimeOffset since, CancellationToken ct) => Task.FromResult<IReadOnlyList<DigestAsset>>([]);

    public Task<DigestEpisode?> GetNextEpisodeAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult<DigestEpisode?>(null);

    public Task<DateOnly?> GetLastEpisodeDayAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult<DateOnly?>(null);
}
