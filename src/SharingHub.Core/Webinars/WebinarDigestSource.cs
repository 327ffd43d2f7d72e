using Microsoft.Extensions.Options;
using SharingHub.Digests;
using SharingHub.Pages;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Pages;

namespace SharingHub.Webinars;

/// <summary>What Bærekraftsfredag brings to a digest: new recordings and slides of published episodes, and the next episode.</summary>
public sealed class WebinarDigestSource(IWebinarStore webinars, IAssetStore assets, IOptions<DigestOptions> options, IOptions<PageOptions> pages) : IDigestWebinarSource
{
    // Recordings are published weeks after an episode at most; older episodes are not searched for new files.
    private static readonly TimeSpan AssetLookback = TimeSpan.FromDays(120);
    private const int EpisodeLimit = 200;

    public async Task<IReadOnlyList<DigestAsset>> GetNewAssetsAsync(DateTimeOffset since, CancellationToken ct)
    {
        var episodes = await webinars.ListAsync(since - AssetLookback, null, WebinarStatus.Published, EpisodeLimit, ct);
        var hub = DigestLinks.Base(pages.Value, options.Value);
        var found = new List<DigestAsset>();
        foreach (var episode in episodes)
        {
            foreach (var asset in await assets.ListAsync(episode.Id, ct))
            {
                // Announced from when the hub made it available: a file still verifying at one digest comes with the next.
                if (asset is { Status: AssetStatus.Available, Kind: AssetKind.Recording or AssetKind.Slides } && (asset.AvailableAt ?? asset.CompletedAt) is { } completed && completed >= since)
                {
                    found.Add(new DigestAsset(asset.AssetId, episode.Title, asset.Kind == AssetKind.Recording ? "recording" : "slides",
                        hub + (asset.Kind == AssetKind.Recording ? WebinarLinks.Page(episode.Id) : WebinarLinks.Slides(episode.Id)), completed));
                }
            }
        }
        return [.. found.OrderByDescending(a => a.PublishedAt)];
    }

    /// <summary>Only a published episode is announced: a planned one is the organisers' draft (404 to the public), link and all.</summary>
    public async Task<DigestEpisode?> GetNextEpisodeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var next = await webinars.ListAsync(now, null, WebinarStatus.Published, 1, ct);
        return next.Count == 0 ? null : new DigestEpisode(next[0].Id, next[0].Title, next[0].StartsAt, next[0].TeamsUrl);
    }

    public async Task<DateOnly?> GetLastEpisodeDayAsync(DateTimeOffset now, CancellationToken ct)
    {
        var recent = await webinars.ListAsync(now - TimeSpan.FromDays(62), now, null, EpisodeLimit, ct);
        return recent.Count == 0 ? null : DateOnly.FromDateTime(OsloTime.ToOslo(recent[^1].StartsAt).DateTime);
    }
}
