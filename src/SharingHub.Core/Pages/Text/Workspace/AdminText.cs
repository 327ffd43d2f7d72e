namespace SharingHub.Pages.Text;

/// <summary>The admin's pages: keys, members, the audit log, erasure.</summary>
public sealed record AdminText
{
    public required string KeysTitle { get; init; }
    public required string KeysIntro { get; init; }
    public required string NewKeyHeading { get; init; }
    public required string KeyName { get; init; }
    public required string KeyRole { get; init; }
    public required string KeyScopes { get; init; }
    public required string KeyScopesHint { get; init; }
    public required string KeyExpires { get; init; }
    public required string KeyExpiresHint { get; init; }
    public required string IssueKey { get; init; }

    /// <summary>Shown once, above the list, after issuing or rotating.</summary>
    public required string NewKeyShownOnce { get; init; }
    public required string KeysHeading { get; init; }
    public required string NoKeys { get; init; }
    public required string Created { get; init; }
    public required string Expires { get; init; }
    public required string Revoked { get; init; }
    public required string Active { get; init; }
    public required string Revoke { get; init; }
    public required string Rotate { get; init; }

    /// <summary>The reasons the key service gives, by field, in Norwegian.</summary>
    public required IReadOnlyDictionary<string, string> KeyErrors { get; init; }
}
