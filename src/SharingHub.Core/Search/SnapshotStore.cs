using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SharingHub.Storage;

namespace SharingHub.Search;

/// <summary>A published index snapshot and the ETag it was published under.</summary>
public sealed record IndexSnapshotBlob(byte[] Content, string ETag);

/// <summary>Where the index's source of truth lives: one blob, replaced only by a writer that saw the current version.</summary>
public interface ISnapshotStore
{
    /// <returns>The current snapshot's ETag, or null when none was ever published.</returns>
    Task<string?> GetETagAsync(CancellationToken ct);

    Task<IndexSnapshotBlob?> DownloadAsync(CancellationToken ct);

    /// <summary>Publishes <paramref name="content"/> if the current snapshot is still <paramref name="expectedETag"/> (null: none yet).</summary>
    /// <exception cref="SnapshotConflictException">Another indexer published first.</exception>
    Task<string> PublishAsync(byte[] content, string? expectedETag, CancellationToken ct);
}

public sealed class SnapshotConflictException() : Exception("Another indexer published a snapshot first.");

public sealed class BlobSnapshotStore(HubStorage storage) : ISnapshotStore
{
    public const string ContainerName = "search-index";
    public const string BlobName = "snapshot.zip";

    private BlobClient Blob => storage.Container(ContainerName).GetBlobClient(BlobName);

    public async Task<string?> GetETagAsync(CancellationToken ct)
    {
        try
        {
            return (await Blob.GetPropertiesAsync(cancellationToken: ct)).Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IndexSnapshotBlob?> DownloadAsync(CancellationToken ct)
    {
        try
        {
            // One read of one version: the download is pinned to the ETag it starts with.
            var result = (await Blob.DownloadContentAsync(ct)).Value;
            return new IndexSnapshotBlob(result.Content.ToArray(), result.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> PublishAsync(byte[] content, string? expectedETag, CancellationToken ct)
    {
        var conditions = expectedETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(expectedETag) };
        try
        {
            var info = await Blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
            }, ct);
            return info.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new SnapshotConflictException();
        }
    }
}
