using Microsoft.Extensions.Options;
using SharingHub.Digests;
using SharingHub.Webinars.Assets;

namespace SharingHub.Webinars;

/// <summary>What Bærekraftsfredag brings to a digest: new recordings and slides of published episodes, and the next episode.</summary>
public sealed class WebinarDigestSource(IWebinarStore webinars, IAssetStore assets, IOptions<DigestOptions> options) : IDigestWebinarSource
{
    // Recordings are published weeks after an episode at most; older episodes are not searched for new files.
    private static readonly TimeSpan AssetLookback = TimeSpan.FromDays(120);
    private const int EpisodeLimit = 200;

    public async Task<IReadOnlyList<DigestAsset>> GetNewAssetsAsync(DateTimeOffset since, CancellationToken ct)
    {
        var episodes = await webinars.ListAsync(since - AssetLookback, null, WebinarStatus.Published, EpisodeLimit, ct);
        var hub = options.Value.HubBaseUrl.TrimEnd('/');
        var found = new List<DigestAsset>();
        foreach (var episode in episodes)
        {
            foreach (var asset in await assets.ListAsync(episode.Id, ct))
            {
                // Announced from when the hub made it available: a file still verifying at one digest comes with the next.
                if (asset is { Status: AssetStatus.Available, Kind: AssetKind.Recording or AssetKind.Slides } && (asset.AvailableAt ?? asset.CompletedAt) is { } completed && completed >= since)
                {
                    found.Add(new DigestAsset(asset.AssetId, episode.Title, asset.Kind == AssetKind.Recording ? "recording" : "slides",
                        $"{hub}/api/webinars/{episode.Id}/assets/{asset.AssetId}", completed));
                }
            }
        }
        return [.. found.OrderByDescending(a => a.PublishedAt)];
    }

    public async Task<DigestEpisode?> GetNextEpisodeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var planned = await webinars.ListAsync(now, null, WebinarStatus.Planned, 1, ct);
        return planned.Count == 0 ? null : new DigestEpisode(planned[0].Id, planned[0].Title, planned[0].StartsAt, planned[0].TeamsUrl);
    }

    public async Task<DateOnly?> GetLastEpisodeDayAsync(DateTimeOffset now, CancellationToken ct)
    {
        var recent = await webinars.ListAsync(now - TimeSpan.FromDays(62), now, null, EpisodeLimit, ct);
        return recent.Count == 0 ? null : DateOnly.FromDateTime(OsloTime.ToOslo(recent[^1].StartsAt).DateTime);
    }
}
