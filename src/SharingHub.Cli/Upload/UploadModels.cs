using System.Text.Json;

namespace SharingHub.Cli.Upload;

/// <summary>What to upload where.</summary>
public sealed record UploadRequest(string WebinarId, string Kind, string FilePath, string? PresentationId = null);

public sealed record UploaderOptions
{
    /// <summary>Fixed, so that a resumed upload cuts the file into the same blocks.</summary>
    public int BlockSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Blocks in flight. Five, as the Azure SDK's own parallel upload uses for the same 8 MiB blocks (its
    /// DefaultConcurrentTransfersCount): more only queues in the storage front end (one event loop in Azurite) and
    /// holds more buffers, without moving bytes faster over one uplink.
    /// </summary>
    public int Parallelism { get; init; } = 5;

    /// <summary>Attempts per block before the upload gives up (it can then be resumed).</summary>
    public int MaxAttempts { get; init; } = 4;
}

public sealed record UploadProgress(long BytesDone, long TotalBytes, int BlocksDone, int BlocksTotal);

/// <summary>The outcome: the asset as the hub answered complete, and how much this run sent.</summary>
public sealed record UploadResult(string AssetId, string Status, string? Reason, int BlocksSent, int BlocksSkipped, JsonElement Asset);

/// <summary>The hub or Blob Storage refused; the message says why in the hub's words.</summary>
public sealed class UploadFailedException(string message, Exception? inner = null) : Exception(message, inner);
