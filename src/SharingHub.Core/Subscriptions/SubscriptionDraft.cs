namespace SharingHub.Subscriptions;

/// <summary>The JSON of POST and PUT /api/subscriptions; checked by <see cref="SubscriptionValidator"/>.</summary>
public sealed record SubscriptionDraft
{
    public string? Kommunenummer { get; init; }
    public string? ConnectionId { get; init; }
    public string? TeamId { get; init; }
    public string? ChannelId { get; init; }
    public FiltersDraft? Filters { get; init; }
    public CadenceDraft? Cadence { get; init; }
    public bool? Paused { get; init; }
}

public sealed record FiltersDraft
{
    public IReadOnlyList<int>? Goals { get; init; }
    public IReadOnlyList<string?>? Targets { get; init; }
    public IReadOnlyList<string?>? Sectors { get; init; }
    public IReadOnlyList<string?>? Networks { get; init; }
    public IReadOnlyList<string?>? Fylker { get; init; }
    public bool? OwnMunicipalityOnly { get; init; }
}

public sealed record CadenceDraft
{
    public CadenceKind? Kind { get; init; }
    public DayOfWeek? DayOfWeek { get; init; }
    public int? DayOfMonth { get; init; }
    public int? Hour { get; init; }
}
