using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;

namespace SharingHub.Pages;

/// <summary>
/// The few ES modules some workspace pages load (the pages themselves need no script): each embedded from
/// <c>Pages/Scripts/</c> at build time and served under a URL that carries its content hash, like the stylesheet, so the
/// CSP's <c>script-src 'self'</c> is all it takes and browsers may keep each file for a year.
/// </summary>
public sealed class PageScript
{
    private const string Prefix = "SharingHub.Pages.Scripts.";

    private static readonly IReadOnlyDictionary<string, PageScript> ByFileName = Load();

    private PageScript(string name, byte[] content)
    {
        Content = content;
        FileName = $"{name}.{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}.js";
        Gzipped = ImmutableFile.Gzip(content);
    }

    /// <summary>The browser upload of recordings, slides and captions (Put Block in parallel, pause, resume).</summary>
    public static PageScript Upload { get; } = ByFileName.Values.Single(s => s.FileName.StartsWith("upload.", StringComparison.Ordinal));

    public byte[] Content { get; }

    public byte[] Gzipped { get; }

    /// <summary>"upload.{first 16 hex digits of its SHA-256}.js".</summary>
    public string FileName { get; }

    public string Url => $"/js/{FileName}";

    /// <summary>/js/{name}.{hash}.js: a module, cached for a year; gzip when the browser takes it.</summary>
    [PublicRead]
    public static IResult Serve(HttpRequest request, string file)
    {
        if (!ByFileName.TryGetValue(file, out var script))
        {
            return TypedResults.NotFound(); // an old hash: the page that asked for it is older than this build
        }
        return ImmutableFile.Serve(request, script.Content, script.Gzipped, "text/javascript; charset=utf-8");
    }

    private static Dictionary<string, PageScript> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new Dictionary<string, PageScript>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var script = new PageScript(Path.GetFileNameWithoutExtension(resource[Prefix.Length..]), copy.ToArray());
            scripts[script.FileName] = script;
        }
        return scripts;
    }
}
