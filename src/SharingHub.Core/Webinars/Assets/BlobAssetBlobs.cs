using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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

    public Task<Uri> ReadUrlAsync(string blobName, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken ct) =>
        SignAsync(Blob(blobName), BlobSasPermissions.Read, expiresAt, builder =>
        {
            builder.ContentDisposition = AssetRules.Attachment(fileName);
            builder.ContentType = contentType;
        }, ct);

    public async Task<BlobFacts?> GetFactsAsync(string blobName, CancellationToken ct)
    {
        try
        {
            var properties = await Blob(blobName).GetPropertiesAsync(cancellationToken: ct);
            return new BlobFacts(properties.Value.ContentLength, properties.Value.ContentHash is { Length: > 0 } md5 ? md5 : null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]> ReadHeadAsync(string blobName, int count, CancellationToken ct)
    {
        var download = await Blob(blobName).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, count) }, ct);
        return download.Value.Content.ToArray();
    }

    public async Task<Stream> OpenReadAsync(string blobName, CancellationToken ct) =>
        await Blob(blobName).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 1024 * 1024 }, ct);

    public Task DeleteAsync(string blobName, CancellationToken ct) =>
        Blob(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    private async Task<Uri> SignAsync(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expiresAt, Action<BlobSasBuilder>? configure, CancellationToken ct)
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
