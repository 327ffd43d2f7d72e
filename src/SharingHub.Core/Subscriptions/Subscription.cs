namespace SharingHub.Subscriptions;

/// <summary>A municipality's wish to get a digest in a Teams channel, plus the hub's bookkeeping of what it delivered.</summary>
public sealed record Subscription
{
    public string Id { get; init; } = string.Empty;
    public string Kommunenummer { get; init; } = string.Empty;

    /// <summary>Null: outbox mode, the exact request is kept in Blob Storage instead of being sent.</summary>
    public string? ConnectionId { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public string ChannelId { get; init; } = string.Empty;
    public SubscriptionFilters Filters { get; init; } = new();
    public Cadence Cadence { get; init; } = new();
    public bool Paused { get; init; }
    public string? PausedReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Publication time up to which stories were covered by the last delivered digest.</summary>
    public DateTimeOffset? DeliveredThrough { get; init; }

    /// <summary>The last scheduled occurrence the due-job has handled (enqueued, or found nothing new for).</summary>
    public DateTimeOffset? ScheduledThrough { get; init; }
    public string? LastDeliveryId { get; init; }
    public int ConsecutiveFailures { get; init; }
}

public sealed record SubscriptionFilters
{
    public IReadOnlyList<int> Goals { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Networks { get; init; } = [];
    public IReadOnlyList<string> Fylker { get; init; } = [];
    public bool OwnMunicipalityOnly { get; init; }
}

public enum CadenceKind
{
    Weekly,
    Monthly,
    AfterWebinar,
}

/// <summary>When digests go out, in Europe/Oslo local time. Only the fields of <see cref="Kind"/> are kept.</summary>
public sealed record Cadence
{
    public CadenceKind Kind { get; init; } = CadenceKind.Weekly;
    public DayOfWeek? DayOfWeek { get; init; }
    public int? DayOfMonth { get; init; }
    public int Hour { get; init; } = 8;
}
