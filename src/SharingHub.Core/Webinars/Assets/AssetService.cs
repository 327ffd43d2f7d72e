using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Common;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// The life of an episode's file: a write-only URL for one blob, the client's upload straight to Blob Storage,
/// then complete, where the hub checks the blob (size, first bytes, captions syntax) without ever holding it.
/// </summary>
public sealed class AssetService(
    IAssetStore store,
    IAssetBlobs blobs,
    WebinarService webinars,
    IOptions<WebinarOptions> options,
    TimeProvider clock,
    ILogger<AssetService> logger)
{
    private WebinarOptions Options => options.Value;

    public async Task<UploadTicket> RequestUploadAsync(string webinarId, AssetRequest request, CancellationToken ct)
    {
        var webinar = await webinars.GetStoredAsync(webinarId, ct);
        var errors = new ValidationErrors();
        var kind = AssetRules.ParseKind(request.Kind);
        if (kind is null)
        {
            errors.Add("kind", $"must be one of {string.Join(", ", AssetRules.Kinds)}");
        }
        var fileName = AssetRules.FileName(errors, request.FileName, kind);
        var contentType = request.ContentType?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(contentType))
        {
            errors.Add("contentType", "is required");
        }
        else if (kind is { } k && !AssetRules.ContentTypes(k).Contains(contentType))
        {
            errors.Add("contentType", $"must be {string.Join(" or ", AssetRules.ContentTypes(k))} for {AssetRules.Name(k)}");
        }
        if (request.Size is not { } size || size <= 0)
        {
            errors.Add("size", "is required: the file's exact size in bytes, more than 0");
        }
        else if (kind is { } k2 && size > AssetRules.MaxBytes(k2, Options))
        {
            errors.Add("size", $"is {size} bytes; {AssetRules.Name(k2)} may be at most {AssetRules.MaxBytes(k2, Options)} bytes");
        }
        var presentationId = request.PresentationId?.Trim();
        if (!string.IsNullOrEmpty(presentationId) && webinar.Presentations.All(p => p.Id != presentationId))
        {
            errors.Add("presentationId", $"'{presentationId}' is not a presentation of this webinar");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var asset = new WebinarAsset
        {
            AssetId = WebinarRules.NewId(),
            WebinarId = webinar.Id,
            Kind = kind!.Value,
            FileName = fileName!,
            ContentType = contentType!,
            DeclaredSize = request.Size!.Value,
            PresentationId = string.IsNullOrEmpty(presentationId) ? null : presentationId,
            Status = AssetStatus.Pending,
            CreatedAt = now,
            UploadExpiresAt = now + Options.UploadUrlLifetime,
        };
        await store.CreateAsync(asset, ct);
        logger.LogInformation("Upload of {Kind} asset {AssetId} ({Size} bytes) for webinar {WebinarId} authorised until {ExpiresAt:O}",
            asset.Kind, asset.AssetId, asset.DeclaredSize, asset.WebinarId, asset.UploadExpiresAt);
        return await TicketAsync(asset, ct);
    }

    /// <summary>A fresh upload URL for a pending asset, for uploads that outlast one URL (the upload command asks when resuming).</summary>
    public async Task<UploadTicket> RenewUploadAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var stored = await GetStoredAsync(webinarId, assetId, ct);
        RequirePending(stored.Asset, "renew its upload URL");
        var renewed = stored.Asset with { UploadExpiresAt = clock.GetUtcNow() + Options.UploadUrlLifetime };
        await store.WatchAsync(renewed, ct);
        if (!await store.ReplaceAsync(stored, renewed, ct))
        {
            throw new ConflictException($"Asset '{assetId}' changed while its URL was renewed; read it again.");
        }
        return await TicketAsync(renewed, ct);
    }

    public async Task<WebinarAsset> GetAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var asset = (await GetStoredAsync(webinarId, assetId, ct)).Asset;
        if (asset.Status != AssetStatus.Available)
        {
            return asset;
        }
        var expiresAt = clock.GetUtcNow() + Options.ReadUrlLifetime;
        var url = await blobs.ReadUrlAsync(asset.BlobName, asset.FileName, asset.ContentType, expiresAt, ct);
        return asset with { ReadUrl = url, ReadUrlExpiresAt = expiresAt };
    }

    public async Task<IReadOnlyList<WebinarAsset>> ListAsync(string webinarId, CancellationToken ct)
    {
        await webinars.GetStoredAsync(webinarId, ct);
        return (await store.ListAsync(webinarId, ct)).OrderBy(a => a.CreatedAt).ToList();
    }

    /// <summary>Checks the uploaded blob. A bad file is rejected with the reason and deleted; a good one becomes available.</summary>
    public async Task<WebinarAsset> CompleteAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var stored = await GetStoredAsync(webinarId, assetId, ct);
        var asset = stored.Asset;
        RequirePending(asset, "complete it");
        var facts = await blobs.GetFactsAsync(asset.BlobName, ct)
            ?? throw new ConflictException(
                $"Nothing has been uploaded for asset '{assetId}' yet: upload the file through its uploadUrl (and commit the block list), then call complete.");

        var (reason, transcript) = await InspectAsync(asset, facts, ct);
        var now = clock.GetUtcNow();
        WebinarAsset outcome;
        if (reason is not null)
        {
            await blobs.DeleteAsync(asset.BlobName, ct);
            outcome = asset with { Status = AssetStatus.Rejected, Reason = reason, Size = facts.Size, CompletedAt = now };
            logger.LogWarning("Asset {AssetId} of webinar {WebinarId} rejected: {Reason}", assetId, webinarId, reason);
        }
        else
        {
            var md5 = facts.ContentMd5 ?? await ComputeMd5Async(asset.BlobName, ct);
            outcome = asset with { Status = AssetStatus.Available, Size = facts.Size, ContentHash = "md5:" + Convert.ToBase64String(md5), CompletedAt = now };
            logger.LogInformation("Asset {AssetId} of webinar {WebinarId} is available ({Size} bytes)", assetId, webinarId, facts.Size);
        }
        if (!await store.ReplaceAsync(stored, outcome, ct))
        {
            throw new ConflictException($"Asset '{assetId}' is being completed by another request.");
        }
        if (transcript is not null)
        {
            await webinars.AttachTranscriptAsync(transcript, ct);
        }
        return outcome;
    }

    private async Task<(string? Reason, Transcript? Transcript)> InspectAsync(WebinarAsset asset, BlobFacts facts, CancellationToken ct)
    {
        var limit = AssetRules.MaxBytes(asset.Kind, Options);
        if (facts.Size != asset.DeclaredSize)
        {
            return ($"the uploaded file is {facts.Size} bytes, but {asset.DeclaredSize} bytes were declared", null);
        }
        if (facts.Size > limit)
        {
            return ($"the file is {facts.Size} bytes; {AssetRules.Name(asset.Kind)} may be at most {limit} bytes", null);
        }
        if (facts.Size == 0)
        {
            return ("the file is empty", null);
        }
        var head = await blobs.ReadHeadAsync(asset.BlobName, FileSignatures.HeadLength, ct);
        if (FileSignatures.Check(asset.Kind, asset.ContentType, head) is { } mismatch)
        {
            return ($"the file {mismatch}", null);
        }
        if (asset.Kind != AssetKind.Captions)
        {
            return (null, null);
        }
        try
        {
            // Captions are small (the per-kind limit), and are read as a stream line by line.
            await using var stream = await blobs.OpenReadAsync(asset.BlobName, ct);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            var segments = await WebVttParser.ParseAsync(reader, ct);
            return (null, new Transcript(asset.WebinarId, asset.AssetId, AutoGenerated: true, Transcript.AutoGeneratedNotice, segments));
        }
        catch (WebVttFormatException ex)
        {
            return ($"the captions are not valid WebVTT: {ex.Message}", null);
        }
        catch (DecoderFallbackException)
        {
            return ("the captions are not valid WebVTT: the file is not UTF-8 text", null);
        }
    }

    /// <summary>For uploads that did not set Content-MD5: one streaming pass, a megabyte at a time.</summary>
    private async Task<byte[]> ComputeMd5Async(string blobName, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(blobName, ct);
        using var md5 = MD5.Create();
        return await md5.ComputeHashAsync(stream, ct);
    }

    private async Task<UploadTicket> TicketAsync(WebinarAsset asset, CancellationToken ct)
    {
        var url = await blobs.UploadUrlAsync(asset.BlobName, asset.UploadExpiresAt, ct);
        return new UploadTicket(asset.AssetId, url, asset.UploadExpiresAt, $"/api/webinars/{asset.WebinarId}/assets/{asset.AssetId}/complete");
    }

    private async Task<StoredAsset> GetStoredAsync(string webinarId, string assetId, CancellationToken ct) =>
        await store.GetAsync(webinarId, assetId, ct) ?? throw new NotFoundException("Asset", assetId);

    private static void RequirePending(WebinarAsset asset, string action)
    {
        if (asset.Status != AssetStatus.Pending)
        {
            var status = asset.Status.ToString().ToLowerInvariant();
            throw new ConflictException(asset.Status == AssetStatus.Rejected
                ? $"Cannot {action}: asset '{asset.AssetId}' was already completed and rejected ({asset.Reason}). Request a new upload."
                : $"Cannot {action}: asset '{asset.AssetId}' is already {status}; complete is called once, after the upload.");
        }
    }
}
