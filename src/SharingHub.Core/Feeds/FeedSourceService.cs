using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Networks;

namespace SharingHub.Feeds;

/// <summary>A network's feed sources: registration, changes, removal, and their poll history.</summary>
public sealed class FeedSourceService(
    IFeedSourceStore store, NetworkService networks, IFeedAddressPolicy addresses, TimeProvider clock, ILogger<FeedSourceService> logger)
{
    public const int DefaultIntervalMinutes = 60;
    public const int MinIntervalMinutes = 5;
    public const int MaxIntervalMinutes = 7 * 24 * 60;
    public const int MaxSourcesPerNetwork = 50;

    /// <summary>"Poll now" runs at most once per this time per source; the scheduled polls are not counted.</summary>
    public static readonly TimeSpan PollNowCooldown = TimeSpan.FromMinutes(1);

    public async Task<FeedSource> CreateAsync(string network, FeedSourceDraft draft, CancellationToken ct)
    {
        await networks.GetAsync(network, ct);
        var (url, name, interval) = Validate(draft);
        var existing = await store.ListAsync(network, ct);
        if (existing.FirstOrDefault(s => SameUrl(s.Url, url)) is { } same)
        {
            throw new ConflictException($"Network '{network}' already has this feed: /api/networks/{network}/sources/{same.Id}.");
        }
        if (existing.Count >= MaxSourcesPerNetwork)
        {
            throw new ConflictException($"Network '{network}' has {existing.Count} sources, the most a network may have.");
        }
        var now = clock.GetUtcNow();
        var source = new FeedSource
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Network = network,
            Url = url,
            Name = name,
            IntervalMinutes = interval,
            NextDueAt = now, // a new source is polled at the next round
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await store.AddAsync(source, ct);
        logger.LogInformation("Feed source {SourceId} registered for network {Network}", source.Id, network);
        return source;
    }

    public async Task<FeedSource> GetAsync(string network, string id, CancellationToken ct) =>
        await store.GetAsync(network, id, ct) ?? throw new NotFoundException("Feed source", $"{network}/{id}");

    public async Task<IReadOnlyList<FeedSource>> ListAsync(string network, CancellationToken ct)
    {
        await networks.GetAsync(network, ct);
        return await store.ListAsync(network, ct);
    }

    public async Task<FeedSource> UpdateAsync(string network, string id, FeedSourceDraft draft, int? expectedVersion, CancellationToken ct)
    {
        var (url, name, interval) = Validate(draft);
        var current = await GetAsync(network, id, ct);
        EntityTag.Check(expectedVersion, current.Version);
        var others = await store.ListAsync(network, ct);
        if (others.FirstOrDefault(s => s.Id != id && SameUrl(s.Url, url)) is { } same)
        {
            throw new ConflictException($"Network '{network}' already has this feed: /api/networks/{network}/sources/{same.Id}.");
        }
        var urlChanged = !SameUrl(current.Url, url);
        var updated = current with
        {
            Url = url,
            Name = name,
            IntervalMinutes = interval,
            // A new address has no validators yet; a new interval counts from the last poll.
            ETag = urlChanged ? null : current.ETag,
            LastModified = urlChanged ? null : current.LastModified,
            NextDueAt = urlChanged ? clock.GetUtcNow() : (current.LastPolledAt ?? current.CreatedAt).AddMinutes(interval),
            UpdatedAt = clock.GetUtcNow(),
            Version = current.Version + 1,
        };
        if (!await store.ReplaceAsync(current, updated, ct))
        {
            throw new PreconditionFailedException("The source was changed at the same time (perhaps by a poll). Read it again and retry.");
        }
        return updated;
    }

    public async Task DeleteAsync(string network, string id, int? expectedVersion, CancellationToken ct)
    {
        var current = await GetAsync(network, id, ct);
        EntityTag.Check(expectedVersion, current.Version);
        await store.DeleteAsync(current, ct);
        logger.LogInformation("Feed source {SourceId} of network {Network} removed", id, network);
    }

    public async Task<IReadOnlyList<FeedPoll>> PollsAsync(string network, string id, int limit, CancellationToken ct)
    {
        await GetAsync(network, id, ct);
        return await store.ListPollsAsync(network, id, limit, ct);
    }

    /// <summary>
    /// Claims the source's "poll now" slot (at most one per <see cref="PollNowCooldown"/>), so that repeated requests cannot
    /// make the hub hammer a site. Stored on the source, so it holds across instances.
    /// </summary>
    /// <exception cref="TooManyRequestsException">The source was polled on request less than a minute ago.</exception>
    public async Task<FeedSource> ClaimPollNowAsync(string network, string id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await GetAsync(network, id, ct);
            var now = clock.GetUtcNow();
            if (current.PollRequestedAt is { } last && now - last < PollNowCooldown)
            {
                throw PollNowTooSoon(last + PollNowCooldown - now);
            }
            var claimed = current with { PollRequestedAt = now, Version = current.Version + 1 };
            if (await store.ReplaceAsync(current, claimed, ct))
            {
                return claimed;
            }
            // Changed meanwhile (by a scheduled poll, an edit, or another "poll now"): read it again and decide anew.
        }
        throw new PreconditionFailedException("The source is being changed right now. Try again shortly.");
    }

    private static TooManyRequestsException PollNowTooSoon(TimeSpan wait) =>
        new(wait, $"This source may be polled on request once a minute. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");

    private (string Url, string? Name, int Interval) Validate(FeedSourceDraft draft)
    {
        var errors = new ValidationErrors();
        var url = TextRules.Line(errors, "url", draft.Url, 2_000);
        Uri? uri = null;
        if (url is not null && (!TextRules.IsHttpUrl(url, out uri) || !string.IsNullOrEmpty(uri!.UserInfo)))
        {
            errors.Add("url", "must be an absolute http(s) URL without user name or password");
        }
        else if (uri is not null && FeedAddressPolicy.RefusedHost(uri, addresses) is { } refused)
        {
            errors.Add("url", refused);
        }
        var name = TextRules.Line(errors, "name", draft.Name, 200, required: false);
        var interval = draft.IntervalMinutes ?? DefaultIntervalMinutes;
        if (interval is < MinIntervalMinutes or > MaxIntervalMinutes)
        {
            errors.Add("intervalMinutes", $"must be from {MinIntervalMinutes} to {MaxIntervalMinutes} minutes (a week)");
        }
        errors.ThrowIfAny();
        return (url!, name, interval);
    }

    private static bool SameUrl(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y) ? x == y : a == b;
}
