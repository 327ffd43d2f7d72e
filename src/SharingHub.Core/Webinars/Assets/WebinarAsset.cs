using System.Text.Json.Serialization;

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

    /// <summary>"md5:&lt;base64&gt;", the digest Blob Storage holds for the blob.</summary>
    public string? ContentHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UploadExpiresAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

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
}

/// <summary>Body of POST /api/webinars/{id}/assets.</summary>
public sealed record AssetRequest(string? Kind, string? FileName, string? ContentType, long? Size, string? PresentationId);

/// <summary>Answer to POST /api/webinars/{id}/assets (and to renewing the URL).</summary>
public sealed record UploadTicket(string AssetId, Uri UploadUrl, DateTimeOffset ExpiresAt, string CompleteUrl);
