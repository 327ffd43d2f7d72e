using System.Globalization;
using System.Text.Json.Serialization;

namespace SharingHub.Digests;

/// <summary>
/// One digest for one (subscription, scheduled occurrence). Its id is deterministic — "{subscriptionId}-{period}" —
/// so the due-job can never create two for the same period.
/// </summary>
public sealed record Delivery
{
    public string Id { get; init; } = string.Empty;
    public string SubscriptionId { get; init; } = string.Empty;
    public string Period { get; init; } = string.Empty;
    public DeliveryStatus Status { get; init; }
    public string Kommunenummer { get; init; } = string.Empty;
    public string? ConnectionId { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public string ChannelId { get; init; } = string.Empty;
    public bool Outbox { get; init; }
    public DateTimeOffset ScheduledFor { get; init; }
    public DateTimeOffset ComposedAt { get; init; }
    public DateTimeOffset CoversFrom { get; init; }
    public int StoryCount { get; init; }
    public int AssetCount { get; init; }

    /// <summary>The items this message shows ("s:{storyId}", "a:{assetId}"): never carried again to the same channel.</summary>
    public IReadOnlyList<string> ItemKeys { get; init; } = [];
    public int Attempts { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? MessageId { get; init; }
    public string? Reason { get; init; }

    public static string IdFor(string subscriptionId, string period) => $"{subscriptionId}-{period}";

    private const string PeriodFormat = "yyyyMMdd'T'HHmm'Z'";

    /// <summary>The period a scheduled occurrence is delivered for: its UTC minute ("20261123T0700Z").</summary>
    public static string PeriodOf(DateTimeOffset occurrence) => occurrence.UtcDateTime.ToString(PeriodFormat, CultureInfo.InvariantCulture);

    public static bool TryParsePeriod(string period, out DateTimeOffset occurrence)
    {
        var ok = DateTime.TryParseExact(period, PeriodFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at);
        occurrence = ok ? new DateTimeOffset(at, TimeSpan.Zero) : default;
        return ok;
    }

    public static bool TryParseId(string id, out string subscriptionId, out string period)
    {
        var dash = id.LastIndexOf('-');
        subscriptionId = dash > 0 ? id[..dash] : string.Empty;
        period = dash > 0 ? id[(dash + 1)..] : string.Empty;
        return dash > 0 && subscriptionId.Length <= 64 && period.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    /// <summary>The text every posted digest carries, so a worker that lost track can find out whether it was posted.</summary>
    [JsonIgnore]
    public string Marker => $"SH-{Id}";
}

public enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>A delivery with its message (kept compressed while in hand) and the stamp a conditional write needs.</summary>
public sealed record StoredDelivery(Delivery Delivery, CompressedHtml Message, string Stamp)
{
    /// <summary>The message as text, decompressed on each read.</summary>
    public string Html => Message.Text();
}
