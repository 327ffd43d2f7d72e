using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;

namespace SharingHub.Members;

/// <summary>/api/members: invitations and members, for admins and (their own networks') secretariats.</summary>
public static class MemberEndpoints
{
    public const int MaxBodyBytes = 8 * 1024;

    public static async Task<IResult> Invite(HttpRequest request, MemberService members, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var invitation = await RequestBody.ReadJsonAsync<MemberInvitation>(request, ct, maxBytes: MaxBodyBytes);
        var member = await members.InviteAsync(invitation, caller, ct);
        // The address is personal data: the audit names the member's id, never the address.
        return TypedResults.Created($"/api/members/{member.Id}", member);
    }

    public static async Task<IResult> List(HttpRequest request, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.ListAsync(Caller.Of(request), ct));

    public static async Task<IResult> Remove(HttpRequest request, string id, MemberService members, CancellationToken ct)
    {
        await members.RemoveAsync(id, Caller.Of(request), ct);
        return TypedResults.NoContent();
    }
}
