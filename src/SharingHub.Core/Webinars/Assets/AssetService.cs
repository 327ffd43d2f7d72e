using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharingHub.Common;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars.Assets;

/// <summary>
/// The life of an episode's file: a write-only URL for one blob, the client's upload straight to Blob Storage,
/// then complete, where the hub snapshots the blob and checks the snapshot (size, first bytes, captions syntax) without
/// ever holding it; <see cref="AssetVerifier"/> then hashes the snapshot in the background and makes it available.
/// </summary>
public sealed class AssetService(
    IAssetStore store,
    IAssetBlobs blobs,
    IAssetCheckQueue checks,
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

    /// <summary>The blocks already staged for a pending upload: what a resumed upload may skip.</summary>
    public async Task<IReadOnlyList<string>> StagedBlocksAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var stored = await GetStoredAsync(webinarId, assetId, ct);
        RequirePending(stored.Asset, "resume its upload");
        return await blobs.UncommittedBlocksAsync(stored.Asset.BlobName, ct);
    }

    public async Task<WebinarAsset> GetAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var asset = (await GetStoredAsync(webinarId, assetId, ct)).Asset;
        if (asset.Status != AssetStatus.Available)
        {
            return asset;
        }
        var expiresAt = clock.GetUtcNow() + Options.ReadUrlLifetime;
        // Only the snapshot that was checked is ever served, never the blob an upload URL can still write to.
        var url = await blobs.ReadUrlAsync(asset.BlobName, asset.Snapshot, asset.FileName, asset.ContentType, expiresAt, ct);
        return asset with { ReadUrl = url, ReadUrlExpiresAt = expiresAt };
    }

    public async Task<IReadOnlyList<WebinarAsset>> ListAsync(string webinarId, CancellationToken ct)
    {
        await webinars.GetStoredAsync(webinarId, ct);
        return (await store.ListAsync(webinarId, ct)).OrderBy(a => a.CreatedAt).ToList();
    }

    /// <summary>
    /// Snapshots the uploaded blob and checks the snapshot. A bad file is rejected with the reason and deleted; a good
    /// one is <see cref="AssetStatus.Verifying"/> until the background check has hashed it.
    /// </summary>
    public async Task<WebinarAsset> CompleteAsync(string webinarId, string assetId, CancellationToken ct)
    {
        var stored = await GetStoredAsync(webinarId, assetId, ct);
        var asset = stored.Asset;
        RequirePending(asset, "complete it");
        var snapshot = await blobs.SnapshotAsync(asset.BlobName, ct)
            ?? throw new ConflictException(
                $"Nothing has been uploaded for asset '{assetId}' yet: upload the file through its uploadUrl (and commit the block list), then call complete.");
        var size = await blobs.SizeAsync(asset.BlobName, snapshot, ct);

        var (reason, captions) = await InspectAsync(asset, snapshot, size, ct);
        var now = clock.GetUtcNow();
        WebinarAsset outcome;
        if (reason is not null)
        {
            await blobs.DeleteAsync(asset.BlobName, ct);
            outcome = asset with { Status = AssetStatus.Rejected, Reason = reason, Size = size, CompletedAt = now };
            logger.LogWarning("Asset {AssetId} of webinar {WebinarId} rejected: {Reason}", assetId, webinarId, reason);
        }
        else
        {
            outcome = asset with { Status = AssetStatus.Verifying, Size = size, Snapshot = snapshot, CaptionsIssues = captions?.Issues, CompletedAt = now };
            logger.LogInformation("Asset {AssetId} of webinar {WebinarId} checked ({Size} bytes); hashing it in the background", assetId, webinarId, size);
        }
        if (!await store.ReplaceAsync(stored, outcome, ct))
        {
            throw new ConflictException($"Asset '{assetId}' is being completed by another request.");
        }
        if (outcome.Status == AssetStatus.Verifying)
        {
            // Should this fail, the asset stays verifying and the clean-up queues its check again (UploadCleanupJob).
            await checks.EnqueueAsync(outcome, ct);
        }
        if (captions is not null)
        {
            var segments = captions.Cues.Select(CaptionsText.ToSegment).ToList();
            await webinars.AttachTranscriptAsync(new Transcript(asset.WebinarId, asset.AssetId, AutoGenerated: true, Transcript.AutoGeneratedNotice, segments), ct);
        }
        return outcome;
    }

    private async Task<(string? Reason, WebVttDocument? Captions)> InspectAsync(WebinarAsset asset, string snapshot, long size, CancellationToken ct)
    {
        var limit = AssetRules.MaxBytes(asset.Kind, Options);
        if (size != asset.DeclaredSize)
        {
            return ($"the uploaded file is {size} bytes, but {asset.DeclaredSize} bytes were declared", null);
        }
        if (size > limit)
        {
            return ($"the file is {size} bytes; {AssetRules.Name(asset.Kind)} may be at most {limit} bytes", null);
        }
        if (size == 0)
        {
            return ("the file is empty", null);
        }
        var head = await blobs.ReadHeadAsync(asset.BlobName, snapshot, FileSignatures.HeadLength, ct);
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
            // Captions are small (the per-kind limit), and are read as a stream line by line. WebVTT is always UTF-8;
            // bytes that are not become U+FFFD, as the W3C parser has it, and the reader reports where.
            await using var stream = await blobs.OpenReadAsync(asset.BlobName, snapshot, ct);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false));
            return (null, await WebVttParser.ParseAsync(reader, ct));
        }
        catch (WebVttFormatException ex)
        {
            return ($"the captions are not WebVTT: {ex.Message}", null);
        }
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
