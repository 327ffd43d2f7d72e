namespace SharingHub.Access;

/// <summary>An API key as stored and listed: everything but the key itself, which exists only in the answer that created it.</summary>
public sealed record AccessKey
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Role Role { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? CreatedBy { get; init; }

    /// <summary>Set when this key replaced another by rotation.</summary>
    public string? Replaces { get; init; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>POST /api/keys. Scopes are network ids (secretariat) or kommunenummer (subscriber); admin and organiser take none.</summary>
public sealed record AccessKeyDraft(string? Name, string? Role, IReadOnlyList<string?>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>The one answer that shows a key.</summary>
public sealed record IssuedKey(string Key, AccessKey Details);
