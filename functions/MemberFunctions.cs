using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Members;

namespace SharingHub.Functions;

/// <summary>/api/members: invitations and members.</summary>
public sealed class MemberFunctions(MemberService members)
{
    [Function(nameof(InviteMember))]
    public Task<IResult> InviteMember([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/members")] HttpRequest request, CancellationToken ct) =>
        MemberEndpoints.Invite(request, members, ct);

    [Function(nameof(ListMembers))]
    public Task<IResult> ListMembers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/members")] HttpRequest request, CancellationToken ct) =>
        MemberEndpoints.List(request, members, ct);

    [Function(nameof(RemoveMember))]
    public Task<IResult> RemoveMember([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/members/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        MemberEndpoints.Remove(request, id, members, ct);
}
