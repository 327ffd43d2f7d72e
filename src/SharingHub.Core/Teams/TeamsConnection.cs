namespace SharingHub.Teams;

/// <summary>A tenant plus the account that granted the hub's app the delegated scopes it posts with.</summary>
public sealed record TeamsConnection
{
    public string Id { get; init; } = string.Empty;
    public string TenantId { get; init; } = string.Empty;
    public string? Account { get; init; }
    public TeamsConnectionStatus Status { get; init; } = TeamsConnectionStatus.Active;
    public string? BrokenReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? BrokenAt { get; init; }
}

public enum TeamsConnectionStatus
{
    Active,
    Broken,
}
