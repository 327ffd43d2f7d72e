namespace SharingHub.Audit;

/// <summary>Append-only: there is deliberately no way to change or remove an entry.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct);
}
