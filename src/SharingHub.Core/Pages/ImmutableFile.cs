using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace SharingHub.Pages;

/// <summary>
/// How the files whose URL carries their content hash (the stylesheet, the scripts) are kept and served: gzipped once at
/// start, cached by browsers for a year, gzip when the browser takes it.
/// </summary>
public static class ImmutableFile
{
    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return buffer.ToArray();
    }

    public static IResult Serve(HttpRequest request, byte[] content, byte[] gzipped, string contentType)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(gzipped, contentType);
        }
        return TypedResults.Bytes(content, contentType);
    }
}
