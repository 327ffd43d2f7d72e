using System.Text.Json.Serialization;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars.Assets;

/// <summary>A file of an episode (recording, slides, captions) in Blob Storage, and what the hub found when it checked it.</summary>
public sealed record WebinarAsset
{
    public string AssetId { get; init; } = string.Empty;
    public string WebinarId { get; init; } = string.Empty;
    public AssetKind Kind { get; init; }
    public string FileName { get; init; } = string.Empty;
    public string ContentType { get; init; } = string.Empty;
    public long DeclaredSize { get; init; }
    public string? PresentationId { get; init; }
    public AssetStatus Status { get; init; }
    public string? Reason { get; init; }
    public long? Size { get; init; }

    /// <summary>"sha256:&lt;hex&gt;", computed by the hub from the checked snapshot (never taken from the uploader).</summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// The blob snapshot taken at complete: what the hub checked, hashed and serves. Snapshots are immutable, so writes
    /// through a still-valid upload URL to the blob itself change nothing anyone is served.
    /// </summary>
    public string? Snapshot { get; init; }

    /// <summary>Captions only: lines the reader skipped (or kept with a warning), for the organiser to fix.</summary>
    public IReadOnlyList<CaptionsIssue>? CaptionsIssues { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UploadExpiresAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the hub finished hashing the file and made it available.</summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>Only on GET of an available asset: a read-only link to this one blob, valid for minutes.</summary>
    public Uri? ReadUrl { get; init; }
    public DateTimeOffset? ReadUrlExpiresAt { get; init; }

    [JsonIgnore]
    public string BlobName => $"{WebinarId}/{AssetId}";
}

public enum AssetKind
{
    Recording,
    Slides,
    Captions,
}

public enum AssetStatus
{
    /// <summary>Waiting for the upload and the call to complete.</summary>
    Pending,
    Available,
    Rejected,

    /// <summary>Never completed; the clean-up removed whatever was uploaded.</summary>
    Expired,

    /// <summary>Completed and checked; the hub is computing its hash in the background, then it becomes available.</summary>
    Verifying,
}

/// <summary>Body of POST /api/webinars/{id}/assets.</summary>
public sealed record AssetRequest(string? Kind, string? FileName, string? ContentType, long? Size, string? PresentationId);

/// <summary>Answer to POST /api/webinars/{id}/assets (and to renewing the URL).</summary>
public sealed record UploadTicket(string AssetId, Uri UploadUrl, DateTimeOffset ExpiresAt, string CompleteUrl);
