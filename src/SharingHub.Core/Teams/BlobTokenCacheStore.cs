using Azure;
using SharingHub.Storage;

namespace SharingHub.Teams;

/// <summary>Each connection's MSAL token cache, encrypted, in one blob.</summary>
public sealed class BlobTokenCacheStore(HubStorage storage, TokenCacheProtector protector)
{
    public const string ContainerName = "teams-tokencache";

    public async Task<byte[]?> LoadAsync(string connectionId, CancellationToken ct)
    {
        try
        {
            var content = await storage.Container(ContainerName).GetBlobClient(BlobName(connectionId)).DownloadContentAsync(ct);
            return protector.Unprotect(content.Value.Content.ToArray(), connectionId);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(string connectionId, byte[] cache, CancellationToken ct) =>
        await storage.Container(ContainerName).GetBlobClient(BlobName(connectionId))
            .UploadAsync(BinaryData.FromBytes(protector.Protect(cache, connectionId)), overwrite: true, ct);

    public async Task DeleteAsync(string connectionId, CancellationToken ct) =>
        await storage.Container(ContainerName).GetBlobClient(BlobName(connectionId)).DeleteIfExistsAsync(cancellationToken: ct);

    private static string BlobName(string connectionId) => $"{connectionId}.bin";
}
