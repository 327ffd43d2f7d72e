using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using SharingHub.Storage;
using SharingHub.Teams;

namespace SharingHub.Digests;

public sealed class BlobDigestOutbox(HubStorage storage) : IDigestOutbox
{
    public const string ContainerName = "digest-outbox";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SaveAsync(string id, TeamsRequest request, CancellationToken ct)
    {
        var blob = storage.Container(ContainerName).GetBlobClient($"{id}.json");
        var options = new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        await blob.UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(request, Json)), options, ct);
    }

    public async IAsyncEnumerable<string> IdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var blob in storage.Container(ContainerName).GetBlobsAsync(cancellationToken: ct))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return blob.Name[..^".json".Length];
            }
        }
    }

    public async Task<string?> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            var content = await storage.Container(ContainerName).GetBlobClient($"{id}.json").DownloadContentAsync(ct);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
