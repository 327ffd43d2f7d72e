using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Pages;
using SharingHub.Pages.Text;

namespace SharingHub.Workspace;

/// <summary>What every workspace page needs: the public frame (language, title, path), who is signed in, and the form token.</summary>
public sealed record WorkspaceFrame(PageFrame Page, Caller Caller, AntiforgeryTokenSet Tokens)
{
    public PageText Text => Page.Text;

    public WorkspaceCommonText Common => Page.Text.Workspace.Common;
}

/// <summary>How workspace page handlers start: the frame for this request. Workspace pages are never indexed or cached.</summary>
public static class WorkspacePage
{
    public static WorkspaceFrame Frame(HttpContext context, string title) =>
        new(Page.Frame(context.Request, title) with { CanonicalUrl = null, NoIndex = true }, Caller.Of(context), WorkspaceForms.Tokens(context));

    public static WorkspaceFrame Frame(HttpRequest request, string title) => Frame(request.HttpContext, title);
}
