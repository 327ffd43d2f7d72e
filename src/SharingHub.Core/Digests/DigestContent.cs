using SharingHub.Stories;

namespace SharingHub.Digests;

/// <summary>What one digest carries, before rendering. Stories and assets newest first.</summary>
public sealed record DigestContent(
    IReadOnlyList<Story> Stories,
    IReadOnlyList<DigestAsset> Assets,
    DigestEpisode? NextEpisode,
    DateTimeOffset Since)
{
    /// <summary>The next episode alone is no news: without new stories or assets nothing is posted.</summary>
    public bool IsEmpty => Stories.Count == 0 && Assets.Count == 0;
}

/// <summary>The message, and which items it actually shows (items past "N more" are not counted as carried).</summary>
public sealed record RenderedDigest(string Html, IReadOnlyList<string> ShownItemKeys, int ShownStories, int TotalStories);
