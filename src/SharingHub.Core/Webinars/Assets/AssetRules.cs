using System.Globalization;
using System.Text;
using SharingHub.Common;

namespace SharingHub.Webinars.Assets;

/// <summary>What each kind of file may be called, declared as and weigh.</summary>
public static class AssetRules
{
    public const int FileNameMax = 200;

    private static readonly string[] KindNames = ["recording", "slides", "captions"];

    public static IReadOnlyList<string> Kinds => KindNames;

    public static string Name(AssetKind kind) => KindNames[(int)kind];

    public static AssetKind? ParseKind(string? name)
    {
        var index = Array.IndexOf(KindNames, name?.Trim());
        return index < 0 ? null : (AssetKind)index;
    }

    public static IReadOnlyList<string> ContentTypes(AssetKind kind) => kind switch
    {
        AssetKind.Recording => ["video/mp4", "video/quicktime"],
        AssetKind.Slides => ["application/pdf", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        _ => ["text/vtt"],
    };

    public static IReadOnlyList<string> Extensions(AssetKind kind) => kind switch
    {
        AssetKind.Recording => [".mp4", ".m4v", ".mov"],
        AssetKind.Slides => [".pdf", ".pptx"],
        _ => [".vtt"],
    };

    public static long MaxBytes(AssetKind kind, WebinarOptions options) => kind switch
    {
        AssetKind.Recording => options.RecordingMaxBytes,
        AssetKind.Slides => options.SlidesMaxBytes,
        _ => options.CaptionsMaxBytes,
    };

    /// <summary>A plain file name: no folders, no "..", no control or reserved characters, an extension that fits the kind.</summary>
    public static string? FileName(ValidationErrors errors, string? raw, AssetKind? kind)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add("fileName", "is required");
            return null;
        }
        var name = raw.Trim();
        if (name.Length > FileNameMax)
        {
            errors.Add("fileName", $"must be at most {FileNameMax} characters");
            return null;
        }
        if (name.Any(char.IsControl))
        {
            errors.Add("fileName", "must not contain control characters");
            return null;
        }
        if (name.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.Format))
        {
            // Bidi overrides (U+202E turns "rapport‮4pm.exe" into what reads as an .mp4), zero-width and other invisible characters.
            errors.Add("fileName", "must not contain invisible formatting characters such as right-to-left overrides (U+202E) or zero-width characters");
            return null;
        }
        if (name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0)
        {
            errors.Add("fileName", "must be a plain file name without folders, '..' or any of / \\ : * ? \" < > |");
            return null;
        }
        if (kind is { } k && !Extensions(k).Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            errors.Add("fileName", $"must end with {string.Join(" or ", Extensions(k))} for {Name(k)}");
        }
        return name;
    }

    /// <summary>A Content-Disposition value that carries any file name safely (RFC 6266 / RFC 8187).</summary>
    public static string Attachment(string fileName)
    {
        var ascii = new string(fileName.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' and not '%' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
