using SharingHub.Reference;
using SharingHub.Stories;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

/// <summary>Picks a subscription's items from a snapshot of newly published stories and webinar assets.</summary>
public static class DigestComposer
{
    public static string StoryKey(string storyId) => "s:" + storyId;

    public static string AssetKey(string assetId) => "a:" + assetId;

    /// <summary>Published stories newest first, as <see cref="Candidates"/> takes them: a round sorts once for all its digests.</summary>
    public static IReadOnlyList<Story> NewestFirst(IEnumerable<Story> published) =>
        [.. published.Where(s => s.PublishedAt is not null).OrderByDescending(s => s.PublishedAt)];

    /// <summary>
    /// The stories in <paramref name="newestFirst"/> (see <see cref="NewestFirst"/>) a subscription wants: its filters,
    /// since its last digest, newest first. Stops at the first story older than that.
    /// </summary>
    public static List<Story> Candidates(Subscription subscription, IReadOnlyList<Story> newestFirst, DateTimeOffset since)
    {
        var candidates = new List<Story>();
        foreach (var story in newestFirst)
        {
            if (story.PublishedAt < since)
            {
                break;
            }
            if (Matches(subscription, story))
            {
                candidates.Add(story);
            }
        }
        return candidates;
    }

    public static DigestContent Compose(
        IReadOnlyList<Story> candidates,
        IReadOnlyList<DigestAsset> assets,
        DigestEpisode? next,
        IReadOnlySet<string> carried,
        DateTimeOffset since) =>
        new(
            carried.Count == 0 ? [.. candidates] : candidates.Where(s => !carried.Contains(StoryKey(s.Id))).ToList(),
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
        if (f.Goals.Count > 0 && !Overlap(story.Goals, f.Goals))
        {
            return false;
        }
        if (f.Targets.Count > 0 && !Overlap(story.Targets, f.Targets))
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

    // A loop rather than Any(list.Contains): a round calls this for every (subscription, story) pair.
    private static bool Overlap<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (EqualityComparer<T>.Default.Equals(a[i], b[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static string? FylkeOf(Story story) =>
        story.Fylkesnummer
        ?? (story.Kommunenummer is not null && ReferenceData.Instance.MunicipalityByNumber.TryGetValue(story.Kommunenummer, out var m) ? m.Fylkesnummer : null);
}
