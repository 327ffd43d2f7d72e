using SharingHub.Access;

namespace SharingHub.Members;

/// <summary>
/// A person's role in the hub, given by invitation to an e-mail address and bound, at that person's first sign-in with
/// Microsoft whose verified address matches, to their account (tenant id + object id). Later sign-ins by that account get it.
/// </summary>
public sealed record Member
{
    public required string Id { get; init; }

    /// <summary>The invited address, lower-cased.</summary>
    public required string Email { get; init; }

    public required Role Role { get; init; }

    /// <summary>Network ids (secretariat) or kommunenummer (subscriber); none for admin and organiser.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required DateTimeOffset InvitedAt { get; init; }
    public string? InvitedBy { get; init; }

    /// <summary>Set at the first sign-in with the address: the account the invitation now belongs to.</summary>
    public string? TenantId { get; init; }
    public string? ObjectId { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset? BoundAt { get; init; }

    public bool IsBound => ObjectId is not null;
}

/// <summary>POST /api/members: invite an address to one role (and its networks or municipalities).</summary>
public sealed record MemberInvitation(string? Email, string? Role, IReadOnlyList<string?>? Scopes);

public interface IMemberStore
{
    Task AddAsync(Member member, CancellationToken ct);

    Task<IReadOnlyList<Member>> ListAsync(CancellationToken ct);

    Task<Member?> GetAsync(string id, CancellationToken ct);

    /// <summary>Replaces the member as stored (binding it to an account).</summary>
    Task UpdateAsync(Member member, CancellationToken ct);

    Task<bool> RemoveAsync(string id, CancellationToken ct);
}
