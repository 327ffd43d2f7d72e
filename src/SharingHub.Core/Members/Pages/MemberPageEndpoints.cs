using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Workspace;

namespace SharingHub.Members.Pages;

public sealed record MembersPageView(WorkspaceFrame Frame, IReadOnlyList<Member> Members, IReadOnlyDictionary<string, string> Form)
{
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; init; } = [];
}

/// <summary>/arbeid/medlemmer: the page for what /api/members does, through the same <see cref="MemberService"/>.</summary>
public static class MemberPageEndpoints
{
    public const string Path = "/arbeid/medlemmer";

    /// <summary>The member service's field names, as the form calls them.</summary>
    private static readonly IReadOnlyDictionary<string, string> FormFields = new Dictionary<string, string>
    {
        ["email"] = "epost", ["role"] = "rolle", ["scopes"] = "omfang",
    };

    public static async Task<IResult> Show(HttpRequest request, MemberService members, CancellationToken ct) =>
        await RenderAsync(request, members, new Dictionary<string, string>(), ct);

    public static async Task<IResult> Invite(HttpRequest request, MemberService members, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var form = await WorkspaceForms.ReadAsync(request, ct);
        var values = new[] { "epost", "rolle", "omfang" }.ToDictionary(f => f, f => form[f].ToString().Trim());
        try
        {
            var scopes = values["omfang"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await members.InviteAsync(new MemberInvitation(values["epost"], values["rolle"], scopes), caller, ct);
            return new SeeOther(Path);
        }
        catch (ValidationFailedException failed)
        {
            var text = Page.Text(request).Workspace.Admin;
            var errors = FormFieldErrors.From(failed, FormFields, "epost", text.MemberErrors);
            return await RenderAsync(request, members, values, ct, StatusCodes.Status400BadRequest, errors);
        }
    }

    public static async Task<IResult> Remove(HttpRequest request, string id, MemberService members, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        await WorkspaceForms.ReadAsync(request, ct);
        await members.RemoveAsync(id, caller, ct);
        return new SeeOther(Path);
    }

    private static async Task<IResult> RenderAsync(HttpRequest request, MemberService members, IReadOnlyDictionary<string, string> form, CancellationToken ct,
        int status = StatusCodes.Status200OK, IReadOnlyList<(string, string)>? errors = null)
    {
        // ListAsync demands a secretariat or an admin, as GET /api/members does.
        var list = (await members.ListAsync(Caller.Of(request), ct)).OrderByDescending(m => m.InvitedAt).ToList();
        var frame = WorkspacePage.Frame(request, Page.Text(request).Workspace.Admin.MembersTitle);
        return Page.Render<MembersPage>(new MembersPageView(frame, list, form) { Errors = errors ?? [] }, status);
    }
}
