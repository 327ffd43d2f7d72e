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

    public required string MembersTitle { get; init; }
    public required string MembersIntro { get; init; }
    public required string InviteHeading { get; init; }
    public required string MemberEmail { get; init; }
    public required string MemberRole { get; init; }
    public required string Invite { get; init; }
    public required string MembersHeading { get; init; }
    public required string NoMembers { get; init; }
    public required string Invited { get; init; }
    public required string MemberBound { get; init; }
    public required string MemberInvited { get; init; }
    public required string RemoveMember { get; init; }

    /// <summary>The reasons the member service gives, by form field, in Norwegian.</summary>
    public required IReadOnlyDictionary<string, string> MemberErrors { get; init; }

    public required string AuditTitle { get; init; }
    public required string AuditIntro { get; init; }
    public required string AuditEntity { get; init; }
    public required string AuditEntityHint { get; init; }
    public required string AuditFrom { get; init; }
    public required string AuditTo { get; init; }
    public required string AuditTimeHint { get; init; }
    public required string AuditLimit { get; init; }
    public required string AuditFilter { get; init; }
    public required string AuditEmpty { get; init; }
    public required string AuditTableCaption { get; init; }
    public required string AuditColumnTime { get; init; }
    public required string AuditColumnCaller { get; init; }
    public required string AuditColumnAction { get; init; }
    public required string AuditColumnEntity { get; init; }
    public required string AuditColumnStatus { get; init; }
    public required string AuditOlder { get; init; }

    /// <summary>The reasons for wrong filters, by filter, in Norwegian.</summary>
    public required IReadOnlyDictionary<string, string> AuditErrors { get; init; }

    public required string ErasureTitle { get; init; }
    public required string ErasureIntro { get; init; }
    public required string ErasureEmail { get; init; }
    public required string ErasureName { get; init; }
    public required string ErasureNameHint { get; init; }
    public required string ErasureConfirm { get; init; }
    public required string ErasureSubmit { get; init; }
    public required string ErasureDone { get; init; }
    public required string ErasureReference { get; init; }
    public required string ErasureChangedHeading { get; init; }
    public required string ErasureColumnPart { get; init; }
    public required string ErasureColumnChanged { get; init; }

    /// <summary>The reasons the erasure service gives (and the missing confirmation), by form field, in Norwegian.</summary>
    public required IReadOnlyDictionary<string, string> ErasureErrors { get; init; }
}
