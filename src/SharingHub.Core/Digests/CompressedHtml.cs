using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace SharingHub.Digests;

/// <summary>
/// A digest's message gzipped, as its delivery row keeps it (a digest's HTML is one list item after another and shrinks
/// to about a fifth; docs/storage.md). A round composes many messages that differ only in their last line, the
/// reference: the shared part is compressed once and each message adds its own line as a second gzip member, which
/// gzip readers (<see cref="GZipStream"/> among them) read as one text.
/// </summary>
public sealed class CompressedHtml
{
    private CompressedHtml(byte[] bytes) => Bytes = bytes;

    /// <summary>The gzip bytes (one member or more).</summary>
    public byte[] Bytes { get; }

    public static CompressedHtml Of(string html) => new(Gzip(html));

    public static CompressedHtml FromStored(byte[] bytes) => new(bytes);

    /// <summary>This text followed by <paramref name="html"/>, without compressing this text again.</summary>
    public CompressedHtml Append(string html)
    {
        var tail = Gzip(html);
        var both = new byte[Bytes.Length + tail.Length];
        Bytes.CopyTo(both, 0);
        tail.CopyTo(both, Bytes.Length);
        return new CompressedHtml(both);
    }

    public string Text()
    {
        // Into a pooled buffer, then one string: a reader would build the text in a builder's chunks and copy it once
        // more, for every one of a round's posts.
        using var gzip = new GZipStream(new MemoryStream(Bytes), CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16_384, Bytes.Length * 8));
        try
        {
            var length = 0;
            int read;
            while ((read = gzip.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Gzip(string html)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }
        return buffer.ToArray();
    }
}
