using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using SharingHub.Storage;

namespace SharingHub.Webinars.Assets;

public sealed class BlobAssetBlobs(HubStorage storage, TimeProvider clock) : IAssetBlobs
{
    public const string Container = "webinar-assets";

    private readonly SemaphoreSlim keyGate = new(1, 1);
    private UserDelegationKey? delegationKey;

    private BlobClient Blob(string blobName) => storage.Container(Container).GetBlobClient(blobName);

    public Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken ct) =>
        SignAsync(Blob(blobName), BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt, null, ct);

    public Task<Uri> ReadUrlAsync(string blobName, string? snapshot, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken ct) =>
        SignAsync(snapshot is null ? Blob(blobName) : Blob(blobName).WithSnapshot(snapshot), BlobSasPermissions.Read, expiresAt, builder =>
        {
            if (snapshot is not null)
            {
                builder.Resource = "bs";
                builder.Snapshot = snapshot;
            }
            builder.ContentDisposition = AssetRules.Attachment(fileName);
            builder.ContentType = contentType;
        }, ct);

    public async Task<IReadOnlyList<string>> UncommittedBlocksAsync(string blobName, CancellationToken ct)
    {
        try
        {
            var list = await storage.Container(Container).GetBlockBlobClient(blobName).GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: ct);
            return [.. list.Value.UncommittedBlocks.Select(b => b.Name)];
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return []; // nothing staged yet
        }
    }

    public async Task<string?> SnapshotAsync(string blobName, CancellationToken ct)
    {
        try
        {
            return (await Blob(blobName).CreateSnapshotAsync(cancellationToken: ct)).Value.Snapshot;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<long> SizeAsync(string blobName, string snapshot, CancellationToken ct) =>
        (await Blob(blobName).WithSnapshot(snapshot).GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;

    public async Task<byte[]> ReadHeadAsync(string blobName, string snapshot, int count, CancellationToken ct)
    {
        var download = await Blob(blobName).WithSnapshot(snapshot).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, count) }, ct);
        return download.Value.Content.ToArray();
    }

    /// <summary>One streaming download (the SDK resumes it from where it broke off on a transient failure).</summary>
    public async Task<Stream> OpenReadAsync(string blobName, string? snapshot, CancellationToken ct) =>
        (await (snapshot is null ? Blob(blobName) : Blob(blobName).WithSnapshot(snapshot)).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;

    public async Task<string> WriteAndSnapshotAsync(string blobName, BinaryData content, string contentType, CancellationToken ct)
    {
        var blob = Blob(blobName);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
        return (await blob.CreateSnapshotAsync(cancellationToken: ct)).Value.Snapshot;
    }

    public Task DeleteSnapshotAsync(string blobName, string snapshot, CancellationToken ct) =>
        Blob(blobName).WithSnapshot(snapshot).DeleteIfExistsAsync(cancellationToken: ct);

    public Task DeleteAsync(string blobName, CancellationToken ct) =>
        Blob(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    private async Task<Uri> SignAsync(BlobBaseClient blob, BlobSasPermissions permissions, DateTimeOffset expiresAt, Action<BlobSasBuilder>? configure, CancellationToken ct)
    {
        var builder = new BlobSasBuilder(permissions, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        configure?.Invoke(builder);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(builder);
        }
        var key = await DelegationKeyAsync(expiresAt, ct);
        var query = builder.ToSasQueryParameters(key, storage.BlobService.AccountName);
        return new BlobUriBuilder(blob.Uri) { Sas = query }.ToUri();
    }

    /// <summary>One user-delegation key serves many URLs; a new one is fetched when it would expire before the URL.</summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset needUntil, CancellationToken ct)
    {
        await keyGate.WaitAsync(ct);
        try
        {
            if (delegationKey is null || delegationKey.SignedExpiresOn < needUntil)
            {
                var now = clock.GetUtcNow();
                var until = now.AddHours(12) > needUntil ? now.AddHours(12) : needUntil.AddHours(1);
                delegationKey = (await storage.BlobService.GetUserDelegationKeyAsync(now.AddMinutes(-5), until, ct)).Value;
            }
            return delegationKey;
        }
        finally
        {
            keyGate.Release();
        }
    }
}
