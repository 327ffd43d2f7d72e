using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using SharingHub.Common.Http;
using SharingHub.Storage;

namespace SharingHub.Webinars.Transcripts;

public sealed class BlobTranscriptStore(HubStorage storage) : ITranscriptStore
{
    public const string Container = "webinar-transcripts";

    public async Task SaveAsync(Transcript transcript, CancellationToken ct)
    {
        var blob = storage.Container(Container).GetBlobClient($"{transcript.WebinarId}.json");
        var json = BinaryData.FromObjectAsJson(transcript, HubJson.Options);
        await blob.UploadAsync(json, new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, ct);
    }

    public async Task<Transcript?> GetAsync(string webinarId, CancellationToken ct)
    {
        try
        {
            var blob = storage.Container(Container).GetBlobClient($"{webinarId}.json");
            var content = await blob.DownloadContentAsync(ct);
            return content.Value.Content.ToObjectFromJson<Transcript>(HubJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
