namespace SharingHub.Feeds;

/// <summary>An RSS or Atom feed a network publishes, polled every <see cref="IntervalMinutes"/>.</summary>
public sealed record FeedSource
{
    public required string Id { get; init; }
    public required string Network { get; init; }
    public required string Url { get; init; }
    public string? Name { get; init; }
    public int IntervalMinutes { get; init; }

    /// <summary>Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since.</summary>
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    public DateTimeOffset NextDueAt { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>When "poll now" last ran for this source (at most once a minute).</summary>
    public DateTimeOffset? PollRequestedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>The body of POST and PUT /api/networks/{id}/sources.</summary>
public sealed record FeedSourceDraft(string? Url, string? Name, int? IntervalMinutes);

/// <summary>One poll of one source: what the server answered and what became of the items.</summary>
public sealed record FeedPoll
{
    public required string SourceId { get; init; }
    public required DateTimeOffset At { get; init; }
    public int? HttpStatus { get; init; }
    public int ItemsNew { get; init; }
    public int ItemsSeen { get; init; }
    public int ItemsUpdated { get; init; }
    public int ItemsFailed { get; init; }
    public int ItemsSkipped { get; init; }
    public string? Error { get; init; }

    /// <summary>Why single items failed (at most a handful; the count is in <see cref="ItemsFailed"/>).</summary>
    public IReadOnlyList<string> ItemErrors { get; init; } = [];
}
