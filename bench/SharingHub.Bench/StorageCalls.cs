using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace SharingHub.Bench;

/// <summary>
/// Counts the storage requests this process sends through the Azure SDK (its "Request" events), by method and table or
/// queue: "GET digestdeliveries(point)", "POST $batch", "DELETE digest-deliveries". The hub's prefix is left out.
/// </summary>
public sealed class StorageCalls(string prefix) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private AzureEventSourceListener? listener;

    public void Start() => listener ??= new AzureEventSourceListener(Count, EventLevel.Informational);

    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(counts, StringComparer.Ordinal);

    private void Count(EventWrittenEventArgs e, string _)
    {
        if (e.EventName != "Request" || e.PayloadNames is null || e.Payload is null)
        {
            return;
        }
        var method = e.Payload[e.PayloadNames.IndexOf("method")] as string;
        if (e.Payload[e.PayloadNames.IndexOf("uri")] is not string uri || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return;
        }
        var segments = parsed.AbsolutePath.Trim('/').Split('/');
        var resource = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "?";
        var point = resource.IndexOf('(', StringComparison.Ordinal);
        var name = (point >= 0 ? resource[..point] : resource);
        name = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..].TrimStart('-') : name;
        var kind = point >= 0 ? "(point)" : parsed.Query.Contains("filter", StringComparison.Ordinal) ? "(query)" : string.Empty;
        counts.AddOrUpdate($"{method} {name}{kind}", 1, (_, n) => n + 1);
    }

    public void Dispose()
    {
        listener?.Dispose();
        listener = null;
    }
}
