using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SharingHub.Common.Http;

/// <summary>Reads a JSON request body with the checks every route needs: content type, size, syntax, depth, unknown fields.</summary>
public static class RequestBody
{
    public const int DefaultMaxBytes = 256 * 1024;

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        RequireContentType(request, "application/json");
        var bytes = await ReadLimitedAsync(request, maxBytes, ct);
        if (bytes.Length == 0)
        {
            throw ValidationFailedException.For("body", "the request body is empty; send a JSON object");
        }
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, HubJson.Options)
                ?? throw ValidationFailedException.For("body", "the request body must be a JSON object, not null");
        }
        catch (JsonException ex)
        {
            throw ValidationFailedException.For(FieldOf(ex, "body"), DescribeJsonError(ex));
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; a larger body is refused with 413 before it is buffered.</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException($"The request body is {request.ContentLength} bytes; this route accepts at most {maxBytes}.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new PayloadTooLargeException($"The request body is larger than the {maxBytes} bytes this route accepts.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static void RequireContentType(HttpRequest request, params string[] accepted)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !accepted.Any(a => mediaType.MediaType.Equals(a, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UnsupportedMediaTypeException(
                $"Content-Type '{request.ContentType ?? "(none)"}' is not accepted here; send {string.Join(" or ", accepted)}.");
        }
        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedMediaTypeException($"charset '{mediaType.Charset}' is not accepted; send UTF-8.");
        }
    }

    /// <summary>The field a JSON error belongs to: the path for a wrong field, <paramref name="whole"/> when the text is not JSON at all.</summary>
    public static string FieldOf(JsonException ex, string whole) =>
        IsSyntaxError(ex) || string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? whole : ex.Path.TrimStart('$', '.');

    // System.Text.Json wraps the reader's own exception when the text itself is broken.
    private static bool IsSyntaxError(JsonException ex) => ex.InnerException is JsonException;

    public static string DescribeJsonError(JsonException ex)
    {
        // System.Text.Json's messages name .NET types; callers need the JSON view of the problem.
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known field";
        }
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"is nested deeper than {HubJson.Options.MaxDepth} levels";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "has the wrong type (for example text where a number or a list is expected)";
        }
        return IsSyntaxError(ex) && ex.LineNumber is not null
            ? $"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})"
            : "is not valid JSON";
    }
}
