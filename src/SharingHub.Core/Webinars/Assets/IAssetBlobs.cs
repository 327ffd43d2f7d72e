namespace SharingHub.Webinars.Assets;

/// <summary>
/// The asset files in Blob Storage. Issued URLs are scoped to one blob: write-only (create, write) for uploads,
/// read-only for downloads of one snapshot. Signed with the account key (Azurite, connection strings) or a
/// user-delegation key (managed identity).
/// </summary>
/// <remarks>
/// Why snapshots: the upload URL stays valid for minutes after complete, and it covers the blob's name. A snapshot is
/// immutable and taken in one call whatever the file's size, so the hub checks, hashes and serves exactly the bytes it
/// snapshotted, while writes through the upload URL only ever change the base blob, which nobody is served. (A
/// server-side copy to another name would do the same, but a copy of a multi-gigabyte blob may run asynchronously and
/// doubles the stored bytes.) Deleting the base blob deletes its snapshots with it.
/// </remarks>
public interface IAssetBlobs
{
    Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>
    /// A read-only URL for one snapshot of the blob, and nothing else. Without a snapshot (files made available before
    /// snapshots were taken, whose upload URLs expired long ago) the URL reads the blob itself.
    /// </summary>
    Task<Uri> ReadUrlAsync(string blobName, string? snapshot, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>
    /// The ids of the blocks staged for the blob but not yet committed (Get Block List), so that a browser resuming an
    /// upload sends only what is missing. Asked by the hub: the upload URL stays write-only.
    /// </summary>
    Task<IReadOnlyList<string>> UncommittedBlocksAsync(string blobName, CancellationToken ct);

    /// <summary>Takes a snapshot of the committed blob; null when nothing has been committed.</summary>
    Task<string?> SnapshotAsync(string blobName, CancellationToken ct);

    /// <summary>The size of a snapshot.</summary>
    Task<long> SizeAsync(string blobName, string snapshot, CancellationToken ct);

    /// <summary>The first <paramref name="count"/> bytes of a snapshot (fewer if it is shorter), read with a range request.</summary>
    Task<byte[]> ReadHeadAsync(string blobName, string snapshot, int count, CancellationToken ct);

    /// <summary>A stream over a snapshot (or, without one, the blob itself), downloaded as it is read.</summary>
    Task<Stream> OpenReadAsync(string blobName, string? snapshot, CancellationToken ct);

    /// <summary>Writes <paramref name="content"/> as the blob (the hub's own rewrite, e.g. an erasure) and returns a new snapshot of it.</summary>
    Task<string> WriteAndSnapshotAsync(string blobName, BinaryData content, string contentType, CancellationToken ct);

    Task DeleteSnapshotAsync(string blobName, string snapshot, CancellationToken ct);

    /// <summary>Deletes the blob and all its snapshots.</summary>
    Task DeleteAsync(string blobName, CancellationToken ct);
}
