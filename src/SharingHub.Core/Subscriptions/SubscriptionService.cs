using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Networks;
using SharingHub.Teams;

namespace SharingHub.Subscriptions;

public sealed class SubscriptionService(
    ISubscriptionStore store,
    NetworkService networks,
    TeamsConnectionService connections,
    ITeamsChannels channels,
    TimeProvider clock,
    ILogger<SubscriptionService> logger)
{
    /// <param name="mayUse">Whether the caller may post through a connection (its municipality's); null: any.</param>
    public async Task<Subscription> CreateAsync(SubscriptionDraft draft, CancellationToken ct, Func<TeamsConnection, bool>? mayUse = null)
    {
        var value = await ValidateAsync(draft, ct, mayUse: mayUse);
        var now = clock.GetUtcNow();
        var subscription = WithSettings(new Subscription
        {
            Id = Guid.CreateVersion7().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }, value);
        await store.CreateAsync(subscription, ct);
        logger.LogInformation("Subscription {SubscriptionId} created for {Kommunenummer}, channel {ChannelId}", subscription.Id, subscription.Kommunenummer, subscription.ChannelId);
        return subscription;
    }

    public async Task<Subscription> GetAsync(string id, CancellationToken ct) =>
        (await store.GetAsync(id, ct))?.Subscription ?? throw new NotFoundException("Subscription", id);

    public async Task<IReadOnlyList<Subscription>> ListAsync(string? kommunenummer, CancellationToken ct)
    {
        var all = await store.ListAsync(ct);
        return kommunenummer is null ? all : all.Where(s => s.Kommunenummer == kommunenummer).ToList();
    }

    /// <param name="mayUse">Whether the caller may post through a connection it newly names; null: any.</param>
    public async Task<Subscription> UpdateAsync(string id, SubscriptionDraft draft, int? expectedVersion, CancellationToken ct, Func<TeamsConnection, bool>? mayUse = null)
    {
        var current = await GetAsync(id, ct);
        EntityTag.Check(expectedVersion, current.Version);
        var value = await ValidateAsync(draft, ct, recheckChannel: draft.ConnectionId != current.ConnectionId || draft.TeamId != current.TeamId || draft.ChannelId != current.ChannelId,
            mayUse: draft.ConnectionId == current.ConnectionId ? null : mayUse);
        return await ChangeAsync(id, s =>
        {
            EntityTag.Check(expectedVersion, s.Version);
            return WithSettings(s, value) with
            {
                PausedReason = value.Paused ? s.PausedReason : null,
                ConsecutiveFailures = value.Paused ? s.ConsecutiveFailures : 0,
                UpdatedAt = clock.GetUtcNow(),
                Version = s.Version + 1,
            };
        }, ct);
    }

    /// <summary>The subscription with what its owner sets (municipality, channel, filters, cadence, paused) from a validated draft.</summary>
    private static Subscription WithSettings(Subscription subscription, SubscriptionValidator.Checked value) => subscription with
    {
        Kommunenummer = value.Kommunenummer,
        ConnectionId = value.ConnectionId,
        TeamId = value.TeamId,
        ChannelId = value.ChannelId,
        Filters = value.Filters,
        Cadence = value.Cadence,
        Paused = value.Paused,
    };

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        if (!await store.DeleteAsync(id, ct))
        {
            throw new NotFoundException("Subscription", id);
        }
        logger.LogInformation("Subscription {SubscriptionId} deleted", id);
    }

    /// <summary>
    /// Applies a change and stores it if nobody changed the subscription meanwhile, retrying a lost race.
    /// The hub's own bookkeeping goes through here without bumping <see cref="Subscription.Version"/>, so a user's ETag stays valid.
    /// </summary>
    public async Task<Subscription> ChangeAsync(string id, Func<Subscription, Subscription> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(id, ct) ?? throw new NotFoundException("Subscription", id);
            var changed = change(current.Subscription);
            if (changed == current.Subscription || await store.ReplaceAsync(current, changed, ct))
            {
                return changed;
            }
            if (attempt >= 5)
            {
                throw new PreconditionFailedException("The subscription was changed by someone else at the same time. Read it again and retry.");
            }
        }
    }

    /// <summary>Records the occurrences the due-job handled (see <see cref="ISubscriptionStore.MarkScheduledAsync"/>).</summary>
    public Task MarkScheduledAsync(IReadOnlyList<(string Id, DateTimeOffset Through)> marks, CancellationToken ct) => store.MarkScheduledAsync(marks, ct);

    /// <summary>Records a delivered digest (see <see cref="ISubscriptionStore.MarkDeliveredAsync"/>); false when the subscription is gone.</summary>
    public Task<bool> MarkDeliveredAsync(string id, DateTimeOffset deliveredThrough, string deliveryId, CancellationToken ct) =>
        store.MarkDeliveredAsync(id, deliveredThrough, deliveryId, ct);

    /// <summary>Records many delivered digests in few transactions (see <see cref="ISubscriptionStore.MarkDeliveredManyAsync"/>).</summary>
    public Task MarkDeliveredManyAsync(IReadOnlyList<(string Id, DateTimeOffset DeliveredThrough, string DeliveryId)> marks, CancellationToken ct) =>
        store.MarkDeliveredManyAsync(marks, ct);

    /// <summary>Pauses every subscription that posts through a connection (its grant is gone).</summary>
    public async Task PauseForConnectionAsync(string connectionId, string reason, CancellationToken ct)
    {
        foreach (var subscription in (await store.ListAsync(ct)).Where(s => s.ConnectionId == connectionId && !s.Paused))
        {
            await ChangeAsync(subscription.Id, s => s with { Paused = true, PausedReason = reason }, ct);
        }
    }

    private async Task<SubscriptionValidator.Checked> ValidateAsync(SubscriptionDraft draft, CancellationToken ct, bool recheckChannel = true, Func<TeamsConnection, bool>? mayUse = null)
    {
        var errors = new ValidationErrors();
        var value = SubscriptionValidator.Validate(draft, errors);
        for (var i = 0; i < value.Filters.Networks.Count; i++)
        {
            if (!await networks.ExistsAsync(value.Filters.Networks[i], ct))
            {
                errors.Add($"filters.networks[{i}]", $"'{value.Filters.Networks[i]}' is not a registered network (GET /api/networks lists them)");
            }
        }
        TeamsConnection? connection = null;
        if (value.ConnectionId is not null)
        {
            connection = await connections.FindAsync(value.ConnectionId, ct);
            if (connection is not null && mayUse is not null && !mayUse(connection))
            {
                connection = null; // another municipality's connection: answered as if it did not exist
            }
            if (connection is null)
            {
                errors.Add("connectionId", $"'{value.ConnectionId}' is not a Teams connection (GET /api/teams/connections lists them)");
            }
            else if (connection.Status == TeamsConnectionStatus.Broken)
            {
                errors.Add("connectionId", $"the connection is broken ({connection.BrokenReason}); connect again first");
            }
        }
        errors.ThrowIfAny();
        if (connection is not null && recheckChannel)
        {
            await CheckChannelAsync(connection, value.TeamId, value.ChannelId, ct);
        }
        return value;
    }

    private async Task CheckChannelAsync(TeamsConnection connection, string teamId, string channelId, CancellationToken ct)
    {
        ChannelCheck check;
        try
        {
            check = await channels.CheckChannelAsync(connection, teamId, channelId, ct);
        }
        catch (TeamsGraphException ex)
        {
            throw new DependencyUnavailableException("Microsoft Graph", ex);
        }
        catch (TeamsAuthException ex)
        {
            throw ValidationFailedException.For("connectionId", $"the connection cannot sign in to Teams: {ex.Message}");
        }
        switch (check)
        {
            case ChannelCheck.TeamNotFound:
                throw ValidationFailedException.For("teamId", "was not found in Teams with this connection");
            case ChannelCheck.ChannelNotFound:
                throw ValidationFailedException.For("channelId", "was not found in this team");
            case ChannelCheck.Forbidden:
                throw ValidationFailedException.For("channelId", "is not reachable with this connection (access denied); the connected account must be a member");
        }
    }
}
