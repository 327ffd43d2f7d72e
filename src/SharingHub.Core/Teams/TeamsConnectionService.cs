using Microsoft.Extensions.Logging;
using SharingHub.Access;
using SharingHub.Common;

namespace SharingHub.Teams;

public sealed class TeamsConnectionService(ITeamsConnectionStore store, TimeProvider clock, ILogger<TeamsConnectionService> logger)
{
    public async Task<TeamsConnection> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new NotFoundException("Teams connection", id);

    public Task<TeamsConnection?> FindAsync(string id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<TeamsConnection>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The connections the caller may see and use: its municipalities' (all of them for admins).</summary>
    public async Task<IReadOnlyList<TeamsConnection>> ListForAsync(Caller caller, CancellationToken ct) =>
        [.. (await store.ListAsync(ct)).Where(c => MayUse(caller, c))];

    /// <summary>A connection belongs to its municipality's subscribers; one without a municipality to admins only.</summary>
    public static bool MayUse(Caller caller, TeamsConnection connection) => MayUse(caller, connection.Kommunenummer);

    /// <inheritdoc cref="MayUse(Caller, TeamsConnection)"/>
    public static bool MayUse(Caller caller, string? kommunenummer) =>
        kommunenummer is { } kommune ? caller.Has(Role.Subscriber, kommune) : caller.IsAdmin;

    /// <summary>Records a connection whose grant the device-code flow (or an operator) has just obtained.</summary>
    /// <param name="kommunenummer">The municipality it belongs to; null for one an admin made for the hub.</param>
    public async Task<TeamsConnection> RegisterAsync(string id, string tenantId, string? account, string? kommunenummer, CancellationToken ct)
    {
        var connection = new TeamsConnection { Id = id, Kommunenummer = kommunenummer, TenantId = tenantId, Account = account, CreatedAt = clock.GetUtcNow() };
        await store.SaveAsync(connection, ct);
        logger.LogInformation("Teams connection {ConnectionId} registered for tenant {TenantId} and municipality {Kommunenummer}", id, tenantId, kommunenummer);
        return connection;
    }

    public async Task<TeamsConnection> MarkBrokenAsync(TeamsConnection connection, string reason, CancellationToken ct)
    {
        var broken = connection with { Status = TeamsConnectionStatus.Broken, BrokenReason = reason, BrokenAt = clock.GetUtcNow() };
        await store.SaveAsync(broken, ct);
        logger.LogWarning("Teams connection {ConnectionId} is broken: {Reason}", connection.Id, reason);
        return broken;
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
