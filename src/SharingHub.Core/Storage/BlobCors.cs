using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SharingHub.Storage;

/// <summary>
/// The Blob Storage CORS rule that lets the workspace's pages upload straight to Blob Storage from the browser (Put
/// Block and Put Block List through the hub's write-only URL). Azure gets the same rule from infra/main.bicep; the
/// self-host sets it on the Azurite it talks to (<c>AzuriteCors</c>), and the browser tests' hub goes through that path.
/// </summary>
public static class BlobCors
{
    /// <summary>What the upload module sends: PUT for blocks and the block list, OPTIONS for the preflight.</summary>
    public const string Methods = "PUT,OPTIONS";

    /// <summary>Request headers the upload module may send (x-ms-* names the blob's content type on commit).</summary>
    public const string AllowedHeaders = "content-type,x-ms-*";

    public const string ExposedHeaders = "x-ms-request-id,x-ms-error-code";

    public const int MaxAgeSeconds = 3600;

    /// <summary>Azure allows five CORS rules per service; the oldest other rules give way.</summary>
    private const int RulesMax = 5;

    public static BlobCorsRule Rule(IEnumerable<string> origins) => new()
    {
        AllowedOrigins = string.Join(',', origins),
        AllowedMethods = Methods,
        AllowedHeaders = AllowedHeaders,
        ExposedHeaders = ExposedHeaders,
        MaxAgeInSeconds = MaxAgeSeconds,
    };

    /// <summary>
    /// Adds a rule for <paramref name="origins"/> ("http://127.0.0.1:7071") unless one already covers them, keeping the
    /// other rules: several hubs (the tests' hubs) may share one emulator.
    /// </summary>
    public static async Task AllowAsync(BlobServiceClient service, IReadOnlyCollection<string> origins, CancellationToken ct)
    {
        if (origins.Count == 0)
        {
            return;
        }
        var properties = (await service.GetPropertiesAsync(ct)).Value;
        var rules = properties.Cors?.ToList() ?? [];
        if (rules.Any(r => Covers(r, origins)))
        {
            return;
        }
        rules.Add(Rule(origins));
        properties.Cors = rules.Skip(Math.Max(0, rules.Count - RulesMax)).ToList();
        await service.SetPropertiesAsync(properties, ct);
    }

    private static bool Covers(BlobCorsRule rule, IReadOnlyCollection<string> origins)
    {
        var allowed = rule.AllowedOrigins.Split(',', StringSplitOptions.TrimEntries);
        var methods = rule.AllowedMethods.Split(',', StringSplitOptions.TrimEntries);
        return origins.All(o => allowed.Contains(o, StringComparer.OrdinalIgnoreCase)) && methods.Contains("PUT", StringComparer.OrdinalIgnoreCase)
            && rule.AllowedHeaders == AllowedHeaders;
    }
}
