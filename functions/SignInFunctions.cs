using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Access.Pages;
using SharingHub.Audit;
using SharingHub.Audit.Pages;
using SharingHub.Members;
using SharingHub.Members.Pages;
using SharingHub.People;
using SharingHub.People.Pages;
using SharingHub.SignIn;

namespace SharingHub.Functions;

/// <summary>Signing in and out of the workspace (routes as the self-host's; host.json's routePrefix is "").</summary>
public sealed class SignInFunctions(EntraSignIn entra, HubAuthenticator authenticator, SignInSessions sessions)
{
    [Function(nameof(SignInPage))]
    [PublicRead]
    public IResult SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn")] HttpRequest request) =>
        SignInEndpoints.Show(request, entra);

    [Function(nameof(SignInWithKey))]
    [PublicForm]
    public Task<IResult> SignInWithKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logg-inn")] HttpRequest request, CancellationToken ct) =>
        SignInEndpoints.SignInWithKey(request, authenticator, sessions, entra, ct);

    [Function(nameof(SignInWithMicrosoft))]
    [PublicRead]
    public IResult SignInWithMicrosoft([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn/microsoft")] HttpRequest request) =>
        SignInEndpoints.SignInWithMicrosoft(request, entra);

    [Function(nameof(SignInCallback))]
    [PublicRead]
    public Task<IResult> SignInCallback([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn/microsoft/svar")] HttpRequest request) =>
        SignInEndpoints.MicrosoftCallback(request, entra);

    [Function(nameof(SignOut))]
    [PublicForm]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logg-ut")] HttpRequest request, CancellationToken ct) =>
        SignInEndpoints.SignOut(request, sessions, ct);
}

/// <summary>The admin's pages under /arbeid (not public: the access middleware demands a signed-in admin).</summary>
public sealed class WorkspaceAdminFunctions(AccessKeyService keys, MemberService members, IAuditLog audit, TimeProvider clock, ErasureService erasure)
{
    [Function(nameof(KeysPage))]
    public Task<IResult> KeysPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/nokler")] HttpRequest request, CancellationToken ct) =>
        KeyPageEndpoints.Show(request, keys, ct);

    [Function(nameof(IssueKeyForm))]
    public Task<IResult> IssueKeyForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/nokler")] HttpRequest request, CancellationToken ct) =>
        KeyPageEndpoints.Issue(request, keys, ct);

    [Function(nameof(RevokeKeyForm))]
    public Task<IResult> RevokeKeyForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/nokler/{id}/trekk-tilbake")] HttpRequest request, string id, CancellationToken ct) =>
        KeyPageEndpoints.Revoke(request, id, keys, ct);

    [Function(nameof(RotateKeyForm))]
    public Task<IResult> RotateKeyForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/nokler/{id}/roter")] HttpRequest request, string id, CancellationToken ct) =>
        KeyPageEndpoints.Rotate(request, id, keys, ct);

    [Function(nameof(MembersPage))]
    public Task<IResult> MembersPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/medlemmer")] HttpRequest request, CancellationToken ct) =>
        MemberPageEndpoints.Show(request, members, ct);

    [Function(nameof(InviteMemberForm))]
    public Task<IResult> InviteMemberForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/medlemmer")] HttpRequest request, CancellationToken ct) =>
        MemberPageEndpoints.Invite(request, members, ct);

    [Function(nameof(RemoveMemberForm))]
    public Task<IResult> RemoveMemberForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/medlemmer/{id}/fjern")] HttpRequest request, string id, CancellationToken ct) =>
        MemberPageEndpoints.Remove(request, id, members, ct);

    [Function(nameof(AuditPage))]
    public Task<IResult> AuditPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/logg")] HttpRequest request, CancellationToken ct) =>
        AuditPageEndpoints.Show(request, audit, clock, ct);

    [Function(nameof(ErasurePage))]
    public IResult ErasurePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/sletting")] HttpRequest request) =>
        ErasurePageEndpoints.Show(request);

    [Function(nameof(EraseForm))]
    public Task<IResult> EraseForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/sletting")] HttpRequest request, CancellationToken ct) =>
        ErasurePageEndpoints.Erase(request, erasure, ct);
}
