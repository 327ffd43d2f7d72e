namespace SharingHub.Teams;

/// <summary>
/// A tenant plus the account that granted the hub's app the delegated scopes it posts with. It belongs to the
/// municipality whose subscriber made it (<see cref="Kommunenummer"/>); one an admin made for no municipality is the admins'.
/// </summary>
public sealed record TeamsConnection
{
    public string Id { get; init; } = string.Empty;
    public string? Kommunenummer { get; init; }
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
