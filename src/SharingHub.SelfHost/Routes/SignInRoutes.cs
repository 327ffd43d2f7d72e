using SharingHub.Members;
using SharingHub.SignIn;

namespace SharingHub.SelfHost.Routes;

/// <summary>Signing in and out of the workspace: pages at the root, beside /api.</summary>
internal static class SignInRoutes
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/logg-inn", SignInEndpoints.Show);
        app.MapPost("/logg-inn", SignInEndpoints.SignInWithKey);
        app.MapGet("/logg-inn/microsoft", SignInEndpoints.SignInWithMicrosoft);
        app.MapGet(EntraSignIn.CallbackPath, SignInEndpoints.MicrosoftCallback);
        app.MapPost("/logg-ut", SignInEndpoints.SignOut);
    }
}

/// <summary>/api/members: invitations and members (admins, and secretariats for their own networks).</summary>
internal static class MemberRoutes
{
    public static void MapMembers(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithBodyLimit(MemberEndpoints.MaxBodyBytes).WithTags("Access");
        members.MapPost("/", MemberEndpoints.Invite)
            .Takes<MemberInvitation, Member>("Invite an e-mail address to a role; bound to the account at its first sign-in", StatusCodes.Status201Created);
        members.MapGet("/", MemberEndpoints.List).Reads<IReadOnlyList<Member>>("Members and open invitations the caller manages");
        members.MapDelete("/{id}", MemberEndpoints.Remove).WithSummary("Remove a member or withdraw an invitation").Produces(StatusCodes.Status204NoContent);
    }
}

/// <summary>The admin's pages under /arbeid: each action calls the service the API calls.</summary>
internal static class AdminPageRoutes
{
    public static void MapAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(SharingHub.Access.Pages.KeyPageEndpoints.Path, SharingHub.Access.Pages.KeyPageEndpoints.Show);
        app.MapPost(SharingHub.Access.Pages.KeyPageEndpoints.Path, SharingHub.Access.Pages.KeyPageEndpoints.Issue);
        app.MapPost(SharingHub.Access.Pages.KeyPageEndpoints.Path + "/{id}/trekk-tilbake", SharingHub.Access.Pages.KeyPageEndpoints.Revoke);
        app.MapPost(SharingHub.Access.Pages.KeyPageEndpoints.Path + "/{id}/roter", SharingHub.Access.Pages.KeyPageEndpoints.Rotate);
        app.MapGet(SharingHub.Members.Pages.MemberPageEndpoints.Path, SharingHub.Members.Pages.MemberPageEndpoints.Show);
        app.MapPost(SharingHub.Members.Pages.MemberPageEndpoints.Path, SharingHub.Members.Pages.MemberPageEndpoints.Invite);
        app.MapPost(SharingHub.Members.Pages.MemberPageEndpoints.Path + "/{id}/fjern", SharingHub.Members.Pages.MemberPageEndpoints.Remove);
        app.MapGet(SharingHub.Audit.Pages.AuditPageEndpoints.Path, SharingHub.Audit.Pages.AuditPageEndpoints.Show);
        app.MapGet(SharingHub.People.Pages.ErasurePageEndpoints.Path, SharingHub.People.Pages.ErasurePageEndpoints.Show);
        app.MapPost(SharingHub.People.Pages.ErasurePageEndpoints.Path, SharingHub.People.Pages.ErasurePageEndpoints.Erase);
    }
}
