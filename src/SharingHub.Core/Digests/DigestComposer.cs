using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

/// <summary>Picks a subscription's items from a snapshot of newly published stories and webinar assets.</summary>
public static class DigestComposer
{
    public static string StoryKey(string storyId) => "s:" + storyId;

    public static string AssetKey(string assetId) => "a:" + assetId;

    /// <summary>The stories in <paramref name="published"/> a subscription wants: its filters, since its last digest.</summary>
    public static List<Story> Candidates(Subscription subscription, IReadOnlyList<Story> published, DateTimeOffset since) =>
        published.Where(s => s.PublishedAt is { } at && at >= since && Matches(subscription, s))
            .OrderByDescending(s => s.PublishedAt)
            .ToList();

    public static DigestContent Compose(
        IReadOnlyList<Story> candidates,
        IReadOnlyList<DigestAsset> assets,
        DigestEpisode? next,
        IReadOnlySet<string> carried,
        DateTimeOffset since) =>
        new(
            candidates.Where(s => !carried.Contains(StoryKey(s.Id))).ToList(),
            assets.Where(a => a.PublishedAt >= since && !carried.Contains(AssetKey(a.Id))).OrderByDescending(a => a.PublishedAt).ToList(),
            next,
            since);

    public static bool Matches(Subscription subscription, Story story)
    {
        var f = subscription.Filters;
        if (f.OwnMunicipalityOnly && story.Kommunenummer != subscription.Kommunenummer)
        {
            return false;
        }
        if (f.Goals.Count > 0 && !story.Goals.Any(f.Goals.Contains))
        {
            return false;
        }
        if (f.Targets.Count > 0 && !story.Targets.Any(f.Targets.Contains))
        {
            return false;
        }
        if (f.Sectors.Count > 0 && (story.Sector is null || !f.Sectors.Contains(story.Sector)))
        {
            return false;
        }
        if (f.Networks.Count > 0 && !f.Networks.Contains(story.Network))
        {
            return false;
        }
        if (f.Fylker.Count > 0 && (FylkeOf(story) is not { } fylke || !f.Fylker.Contains(fylke)))
        {
            return false;
        }
        return true;
    }

    private static string? FylkeOf(Story story) =>
        story.Fylkesnummer
        ?? (story.Kommunenummer is not null && ReferenceData.Instance.MunicipalityByNumber.TryGetValue(story.Kommunenummer, out var m) ? m.Fylkesnummer : null);
}
