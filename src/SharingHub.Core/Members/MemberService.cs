using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SharingHub.Access;
using SharingHub.Common;

namespace SharingHub.Members;

/// <summary>
/// Invitations and members: an admin invites anyone to any role; a secretariat invites secretariat members of its own
/// networks only. The API and the page /arbeid/medlemmer call the same methods.
/// </summary>
public sealed class MemberService(IMemberStore store, AccessKeyService keys, TimeProvider clock, ILogger<MemberService> logger)
{
    public async Task<Member> InviteAsync(MemberInvitation invitation, Caller by, CancellationToken ct)
    {
        by.Demand(Role.Secretariat);
        var errors = new ValidationErrors();
        var email = invitation.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("email", "is required");
        }
        else if (email.Length > 254 || !EmailAddress.IsValid(email))
        {
            errors.Add("email", "is not an e-mail address");
        }
        Role role = default;
        IReadOnlyList<string> scopes = [];
        if (string.IsNullOrWhiteSpace(invitation.Role))
        {
            errors.Add("role", "is required: admin, secretariat, organiser or subscriber");
        }
        else if (!RoleNames.TryParse(invitation.Role, out role))
        {
            errors.Add("role", "must be admin, secretariat, organiser or subscriber");
        }
        else
        {
            scopes = await keys.ValidateScopesAsync(errors, role, invitation.Scopes, ct);
        }
        errors.ThrowIfAny();
        DemandMayManage(by, role, scopes);

        var member = new Member
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Email = email!,
            Role = role,
            Scopes = scopes,
            InvitedAt = clock.GetUtcNow(),
            InvitedBy = by.Id,
        };
        await store.AddAsync(member, ct);
        logger.LogInformation("Member {MemberId} invited as {Role} by {CallerId}", member.Id, role, by.Id);
        return member;
    }

    /// <summary>Admins see every member; a secretariat sees its networks' secretariat members.</summary>
    public async Task<IReadOnlyList<Member>> ListAsync(Caller by, CancellationToken ct)
    {
        by.Demand(Role.Secretariat);
        var all = await store.ListAsync(ct);
        return by.IsAdmin ? all : [.. all.Where(m => MayManage(by, m.Role, m.Scopes))];
    }

    public async Task RemoveAsync(string id, Caller by, CancellationToken ct)
    {
        by.Demand(Role.Secretariat);
        var member = (id.Length == 32 ? await store.GetAsync(id, ct) : null) ?? throw new NotFoundException("Member", id);
        if (!by.IsAdmin && !MayManage(by, member.Role, member.Scopes))
        {
            throw new NotFoundException("Member", id); // another network's member is not revealed
        }
        await store.RemoveAsync(id, ct);
        logger.LogInformation("Member {MemberId} removed by {CallerId}", id, by.Id);
    }

    /// <summary>
    /// The roles of the account signing in: those already bound to it, and every open invitation to its verified address,
    /// which is bound to the account now (so a later change of address, or another tenant's user with the same
    /// address, never takes it over).
    /// </summary>
    public async Task<IReadOnlyList<Claim>> ClaimsForSignInAsync(string tenantId, string objectId, string? name, string? verifiedEmail, CancellationToken ct)
    {
        var claims = new List<Claim>();
        foreach (var member in await store.ListAsync(ct))
        {
            var mine = member.IsBound
                ? string.Equals(member.TenantId, tenantId, StringComparison.OrdinalIgnoreCase) && string.Equals(member.ObjectId, objectId, StringComparison.OrdinalIgnoreCase)
                : verifiedEmail is not null && string.Equals(member.Email, verifiedEmail.Trim(), StringComparison.OrdinalIgnoreCase);
            if (!mine)
            {
                continue;
            }
            if (!member.IsBound)
            {
                await store.UpdateAsync(member with { TenantId = tenantId, ObjectId = objectId, Name = name, BoundAt = clock.GetUtcNow() }, ct);
                logger.LogInformation("Invitation {MemberId} bound to entra:{TenantId}:{ObjectId}", member.Id, tenantId, objectId);
            }
            claims.Add(new Claim(HubClaims.Role, RoleNames.Name(member.Role)));
            claims.AddRange(member.Scopes.Select(s => new Claim(HubClaims.Scope, HubClaims.ScopeValue(member.Role, s))));
        }
        return claims;
    }

    private static void DemandMayManage(Caller by, Role role, IReadOnlyList<string> scopes) =>
        by.Demand(by.IsAdmin || MayManage(by, role, scopes), "A secretariat invites secretariat members of its own networks only.");

    private static bool MayManage(Caller by, Role role, IReadOnlyList<string> scopes) =>
        role == Role.Secretariat && scopes.Count > 0 && scopes.All(s => by.Has(Role.Secretariat, s));
}
