namespace SharingHub.Webinars.Assets;

public sealed record StoredAsset(WebinarAsset Asset, string Stamp);

/// <summary>An upload the clean-up has to look at once its URL has expired.</summary>
public sealed record UploadWatch(string WebinarId, string AssetId, string Key);

public interface IAssetStore
{
    Task<StoredAsset?> GetAsync(string webinarId, string assetId, CancellationToken ct);

    Task<IReadOnlyList<WebinarAsset>> ListAsync(string webinarId, CancellationToken ct);

    /// <summary>Stores a new pending asset and a watch row the clean-up finds when its URL expires.</summary>
    Task CreateAsync(WebinarAsset asset, CancellationToken ct);

    /// <returns>false when the stored asset changed since <paramref name="previous"/> was read.</returns>
    Task<bool> ReplaceAsync(StoredAsset previous, WebinarAsset updated, CancellationToken ct);

    Task WatchAsync(WebinarAsset asset, CancellationToken ct);

    /// <summary>Watches whose expiry is before <paramref name="before"/>; cost grows with how many are due.</summary>
    Task<IReadOnlyList<UploadWatch>> DueWatchesAsync(DateTimeOffset before, int limit, CancellationToken ct);

    Task ForgetAsync(UploadWatch watch, CancellationToken ct);
}
