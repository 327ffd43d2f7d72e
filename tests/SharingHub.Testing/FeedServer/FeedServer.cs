using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace SharingHub.Testing.FeedServer;

/// <summary>
/// A real HTTP server on 127.0.0.1 (or another local address; a free port) that plays a network's website: it serves the
/// feeds a test publishes with ETag/Last-Modified and 304s, redirects where a test says, and misbehaves on demand at fixed
/// paths (<see cref="Paths"/>).
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    public const long HugeBytes = 200L * 1024 * 1024;

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Document> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> redirects = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Bytes the huge endpoints wrote before the client hung up.</summary>
    public long HugeBytesWritten => Interlocked.Read(ref hugeWritten);

    private long hugeWritten;

    /// <param name="address">Where to listen: 127.0.0.1 unless a test needs a second site (e.g. <see cref="IPAddress.IPv6Loopback"/>).</param>
    public static async Task<FeedServer> StartAsync(IPAddress? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(address ?? IPAddress.Loopback, 0));
        var app = builder.Build();
        FeedServer? server = null;
        app.Use(async (context, next) =>
        {
            server!.hits.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet("/feeds/{**name}", (HttpContext context, string name) => server!.Serve(context, name));
        app.MapGet(Paths.Huge, (HttpContext context) => server!.HugeAsync(context, withLength: false));
        app.MapGet(Paths.HugeWithLength, (HttpContext context) => server!.HugeAsync(context, withLength: true));
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet(Paths.RedirectToFile, () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/moved/{**name}", (string name) => Results.Redirect($"/feeds/{name}", permanent: true));
        app.MapGet("/redirects/{**name}", (string name) =>
            server!.redirects.TryGetValue(name, out var target) ? Results.Redirect(target) : Results.NotFound());
        app.MapGet(Paths.ForbiddenWithReason, (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = "Forbidden by intranet-gateway-7 for 10.20.30.40";
            return Task.CompletedTask;
        });
        app.MapGet(Paths.Hang, async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        app.MapGet(Paths.ServerError, () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet(Paths.Secret, () => Results.Text("hemmelig", "text/plain"));
        await app.StartAsync();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FeedServer(app, new Uri(listening.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return server;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Serves <paramref name="xml"/> at /feeds/{name}, UTF-8 unless <paramref name="encoding"/> says otherwise; returns the URL.</summary>
    public string Publish(string name, string xml, string contentType = "application/rss+xml; charset=utf-8", Encoding? encoding = null) =>
        Publish(name, (encoding ?? new UTF8Encoding(false)).GetBytes(xml), contentType);

    public string Publish(string name, byte[] body, string contentType)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
        var now = DateTimeOffset.UtcNow;
        var lastModified = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        documents[name] = new Document(body, contentType, etag, lastModified);
        return Url($"/feeds/{name}");
    }

    /// <summary>Answers /redirects/{name} with a 302 to <paramref name="target"/> (any URL); returns the redirecting URL.</summary>
    public string PublishRedirect(string name, string target)
    {
        redirects[name] = target;
        return Url($"/redirects/{name}");
    }

    /// <summary>How many requests reached <paramref name="path"/> ("/feeds/x.xml").</summary>
    public int Hits(string path) => hits.TryGetValue(path, out var n) ? n : 0;

    /// <summary>How many of those requests were answered 304.</summary>
    public int NotModified(string name) => documents.TryGetValue(name, out var d) ? d.NotModified : 0;

    private IResult Serve(HttpContext context, string name)
    {
        if (!documents.TryGetValue(name, out var document))
        {
            return Results.NotFound();
        }
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(document.ETag);
        headers.LastModified = document.LastModified;
        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Tag.ToString() == document.ETag)
            : request.IfModifiedSince is { } since && document.LastModified <= since;
        if (notModified)
        {
            document.CountNotModified();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(document.Body, document.ContentType);
    }

    /// <summary>A well-formed RSS feed that never ends before 200 MB, generated as it is sent (never held in memory).</summary>
    private async Task HugeAsync(HttpContext context, bool withLength)
    {
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        if (withLength)
        {
            context.Response.ContentLength = HugeBytes;
        }
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Stor</title>");
        var item = Encoding.UTF8.GetBytes(
            "<item><title>Gjentatt sak om bærekraft</title><description>" + new string('æ', 400) + "</description></item>\n");
        try
        {
            await context.Response.Body.WriteAsync(head, context.RequestAborted);
            long written = head.Length;
            // Kestrel turns writes after the client hung up into silent no-ops, so the abort has to be checked here;
            // otherwise the loop would run to the end and count bytes nobody received.
            while (written + item.Length <= HugeBytes && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(item, context.RequestAborted);
                written += item.Length;
                Interlocked.Add(ref hugeWritten, item.Length);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the client stopped reading: exactly what the hub should do
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    public static class Paths
    {
        public const string Huge = "/huge.xml";
        public const string HugeWithLength = "/huge-declared.xml";
        public const string RedirectLoop = "/loop/a";
        public const string RedirectToFile = "/redirect-to-file";
        public const string Hang = "/hang";
        public const string ServerError = "/error";
        public const string Secret = "/secret";
        public const string ForbiddenWithReason = "/forbidden";

        public static string Moved(string name) => $"/moved/{name}";
    }

    private sealed class Document(byte[] body, string contentType, string etag, DateTimeOffset lastModified)
    {
        private int notModified;

        public byte[] Body => body;
        public string ContentType => contentType;
        public string ETag => etag;
        public DateTimeOffset LastModified => lastModified;
        public int NotModified => notModified;

        public void CountNotModified() => Interlocked.Increment(ref notModified);
    }
}
