using System.Text;

namespace SharingHub.Webinars.Assets;

/// <summary>Checks that a file's first bytes are what its kind claims, from at most <see cref="HeadLength"/> bytes.</summary>
public static class FileSignatures
{
    public const int HeadLength = 64;

    /// <returns>null when the bytes fit; otherwise the reason, in words an organiser understands.</returns>
    public static string? Check(AssetKind kind, string contentType, ReadOnlySpan<byte> head)
    {
        switch (kind)
        {
            case AssetKind.Recording:
                // An ISO base media file (MP4, QuickTime .mov) opens with a box whose type, bytes 4–7, is "ftyp".
                return head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)
                    ? null
                    : $"is not an MP4 or QuickTime video: it does not start with an 'ftyp' box ({Describe(head)})";
            case AssetKind.Slides:
                var isPdf = head.StartsWith("%PDF-"u8);
                var isZip = head.StartsWith("PK\x03\x04"u8);
                if (!isPdf && !isZip)
                {
                    return $"is neither a PDF (%PDF-) nor a PowerPoint file (PPTX, a zip archive) ({Describe(head)})";
                }
                if (isPdf != (contentType == "application/pdf"))
                {
                    return $"was declared as {contentType} but its content is {(isPdf ? "a PDF" : "a zip archive (PPTX)")}";
                }
                return null;
            default:
                var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
                return text.StartsWith("WEBVTT"u8) && (text.Length == 6 || text[6] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                    ? null
                    : $"is not a WebVTT captions file: it does not start with a WEBVTT header ({Describe(head)})";
        }
    }

    private static string Describe(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8))
        {
            return "it looks like a Windows program";
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return "it looks like a PDF";
        }
        if (head.StartsWith("PK\x03\x04"u8))
        {
            return "it looks like a zip archive";
        }
        var shown = head[..Math.Min(8, head.Length)];
        var printable = Encoding.ASCII.GetString(shown).All(c => c is >= ' ' and < (char)127);
        return printable
            ? $"it starts with \"{Encoding.ASCII.GetString(shown)}\""
            : $"it starts with bytes {Convert.ToHexString(shown)}";
    }
}
