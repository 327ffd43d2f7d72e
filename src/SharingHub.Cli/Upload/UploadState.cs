using System.Text.Json;

namespace SharingHub.Cli.Upload;

/// <summary>
/// Kept next to the file ("talk.mp4.sharinghub-upload") while an upload runs, so that a second run resumes it: which asset,
/// which URL, how the file was cut, which blocks Blob Storage already acknowledged. A changed file starts over.
/// </summary>
public sealed record UploadState
{
    public string WebinarId { get; init; } = string.Empty;
    public string Kind { get; init; } = string.Empty;
    public string? PresentationId { get; init; }
    public long Length { get; init; }
    public DateTime LastWriteUtc { get; init; }
    public int BlockSize { get; init; }
    public string AssetId { get; init; } = string.Empty;
    public string UploadUrl { get; set; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; set; }
    public SortedSet<int> Done { get; init; } = [];

    public static string PathFor(string filePath) => filePath + ".sharinghub-upload";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static UploadState? Load(string filePath)
    {
        try
        {
            return File.Exists(PathFor(filePath)) ? JsonSerializer.Deserialize<UploadState>(File.ReadAllText(PathFor(filePath)), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged state file only costs a fresh start
        }
    }

    public bool Fits(UploadRequest request, FileInfo file, int blockSize) =>
        WebinarId == request.WebinarId && Kind == request.Kind && PresentationId == request.PresentationId &&
        Length == file.Length && LastWriteUtc == file.LastWriteTimeUtc && BlockSize == blockSize;

    /// <summary>Written to a temporary file and moved into place, so an interruption never leaves half a state.</summary>
    public void Save(string filePath)
    {
        var target = PathFor(filePath);
        var temp = target + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, target, overwrite: true);
    }

    public static void Delete(string filePath) => File.Delete(PathFor(filePath));
}
