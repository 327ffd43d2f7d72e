namespace SharingHub.Webinars.Assets;

/// <summary>What the hub knows about an uploaded blob without reading it.</summary>
public sealed record BlobFacts(long Size, byte[]? ContentMd5);

/// <summary>
/// The asset files in Blob Storage. Issued URLs are scoped to one blob: write-only (create, write) for uploads,
/// read-only for downloads. Signed with the account key (Azurite, connection strings) or a user-delegation key (managed identity).
/// </summary>
public interface IAssetBlobs
{
    Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken ct);

    Task<Uri> ReadUrlAsync(string blobName, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Size and stored MD5 of the committed blob, or null when nothing has been committed.</summary>
    Task<BlobFacts?> GetFactsAsync(string blobName, CancellationToken ct);

    /// <summary>The first <paramref name="count"/> bytes (fewer if the blob is shorter), read with a range request.</summary>
    Task<byte[]> ReadHeadAsync(string blobName, int count, CancellationToken ct);

    /// <summary>A stream over the blob that fetches it in bounded pieces as it is read.</summary>
    Task<Stream> OpenReadAsync(string blobName, CancellationToken ct);

    Task DeleteAsync(string blobName, CancellationToken ct);
}
