using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace SharingHub.Feeds;

/// <summary>
/// What one conditional GET of a feed gave: the body (bounded) with the charset its Content-Type names, a 304, or an error
/// worth recording. The error is always the hub's own words, never text from the server (reason phrase, body, addresses).
/// </summary>
public sealed record FeedResponse(int? Status, bool NotModified, string? ETag, string? LastModified, byte[]? Body, string? Error, string? Charset = null);

/// <summary>
/// Fetches a feed with a conditional GET, bounded in time (one deadline for headers and body), in bytes (reading stops at
/// the cap) and in redirects (followed by hand, so that only http(s) targets are ever followed and a loop is named).
/// Every connection, the redirected ones included, goes through <see cref="FeedConnector"/>, which refuses internal addresses.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients, IOptions<FeedOptions> options)
{
    public const string ClientName = "feeds";

    public async Task<FeedResponse> FetchAsync(FeedSource source, CancellationToken ct)
    {
        var settings = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        var client = clients.CreateClient(ClientName);
        var url = new Uri(source.Url);
        var visited = new HashSet<Uri>();
        int? lastStatus = null;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
                if (source.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
                if (source.LastModified is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                lastStatus = status;
                if (status is >= 300 and < 400 && status != 304)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return Failed(status, $"the server answered {status} without saying where to");
                    }
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return Failed(status, "a redirect to an address that is not http(s) was refused; only http(s) is followed");
                    }
                    if (!visited.Add(url) || visited.Contains(next))
                    {
                        return Failed(status, "redirect loop: the server redirects back to an address already visited");
                    }
                    if (hop >= settings.MaxRedirects)
                    {
                        return Failed(status, $"more than {settings.MaxRedirects} redirects");
                    }
                    url = next;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FeedResponse(status, true, null, null, null, null);
                }
                if (!response.IsSuccessStatusCode)
                {
                    return Failed(status, $"the server answered {status}");
                }
                var body = await ReadCappedAsync(response.Content, settings.MaxResponseBytes, deadline.Token);
                if (body is null)
                {
                    return Failed(status, $"the feed is too large: more than {Megabytes(settings.MaxResponseBytes)} MB; reading stopped there");
                }
                return new FeedResponse(
                    status,
                    false,
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                    body,
                    null,
                    response.Content.Headers.ContentType?.CharSet);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(lastStatus, $"no complete answer within {settings.RequestTimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (Refused(ex))
        {
            return Failed(lastStatus, "the address is not on the public internet; the hub does not fetch from loopback, private or other internal addresses");
        }
        catch (HttpRequestException ex)
        {
            return Failed(lastStatus, ex.HttpRequestError == HttpRequestError.NameResolutionError ? "could not connect: the host name was not found" : "could not connect");
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="cap"/> (only cap + one chunk is ever held).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, int cap, CancellationToken ct)
    {
        if (content.Headers.ContentLength > cap)
        {
            return null;
        }
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool Refused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AddressRefusedException)
            {
                return true;
            }
        }
        return false;
    }

    private static string Megabytes(int bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture);

    private static FeedResponse Failed(int? status, string error) => new(status, false, null, null, null, error);
}
