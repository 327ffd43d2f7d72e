using Microsoft.Extensions.Logging;
using SharingHub.Common;

namespace SharingHub.Teams;

public sealed class TeamsConnectionService(ITeamsConnectionStore store, TimeProvider clock, ILogger<TeamsConnectionService> logger)
{
    public async Task<TeamsConnection> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new NotFoundException("Teams connection", id);

    public Task<TeamsConnection?> FindAsync(string id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<TeamsConnection>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>Records a connection whose grant the device-code flow (or an operator) has just obtained.</summary>
    public async Task<TeamsConnection> RegisterAsync(string id, string tenantId, string? account, CancellationToken ct)
    {
        var connection = new TeamsConnection { Id = id, TenantId = tenantId, Account = account, CreatedAt = clock.GetUtcNow() };
        await store.SaveAsync(connection, ct);
        logger.LogInformation("Teams connection {ConnectionId} registered for tenant {TenantId}", id, tenantId);
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
