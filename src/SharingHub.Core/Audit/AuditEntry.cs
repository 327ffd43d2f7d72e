namespace SharingHub.Audit;

/// <summary>One change: who (caller id, name, roles), what (action), which entity, when, from which address, with what outcome.</summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Caller { get; init; }
    public string? CallerName { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public required string Action { get; init; }
    public required string Entity { get; init; }
    public int Status { get; init; }
    public string? Address { get; init; }
}

/// <summary>
/// GET /api/audit: by entity ("stories/{id}") and/or a time range, newest first; <paramref name="After"/>, a continuation
/// token (<see cref="TableAuditLog.ContinuationAfter"/> of the last entry of the previous page), starts after that entry.
/// </summary>
public sealed record AuditQuery(string? Entity, DateTimeOffset From, DateTimeOffset To, int Limit, string? After = null);
