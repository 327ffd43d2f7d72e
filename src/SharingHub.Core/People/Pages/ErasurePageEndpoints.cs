using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Workspace;

namespace SharingHub.People.Pages;

public sealed record ErasurePageView(WorkspaceFrame Frame, IReadOnlyDictionary<string, string> Form)
{
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; init; } = [];

    public ErasureReport? Report { get; init; }
}

/// <summary>/arbeid/sletting: the page for what POST /api/people/erase does, through the same <see cref="ErasureService"/>.</summary>
public static class ErasurePageEndpoints
{
    public const string Path = "/arbeid/sletting";

    /// <summary>The erasure service's field names, as the form calls them.</summary>
    private static readonly IReadOnlyDictionary<string, string> FormFields = new Dictionary<string, string>
    {
        ["email"] = "epost", ["name"] = "navn",
    };

    public static IResult Show(HttpRequest request)
    {
        Caller.Of(request).DemandAdmin();
        return Render(request, new Dictionary<string, string>());
    }

    public static async Task<IResult> Erase(HttpRequest request, ErasureService erasure, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var form = await WorkspaceForms.ReadAsync(request, ct);
        var values = new[] { "epost", "navn" }.ToDictionary(f => f, f => form[f].ToString().Trim());
        var text = Page.Text(request).Workspace.Admin;
        if (form["bekreft"].ToString() != "ja")
        {
            return Render(request, values, StatusCodes.Status400BadRequest, [("bekreft", text.ErasureErrors["bekreft"])]);
        }
        try
        {
            var report = await erasure.EraseAsync(values["epost"], values["navn"].Length == 0 ? null : values["navn"], ct);
            AuditContext.SetEntity(request.HttpContext, $"people/{report.Person}");
            // The address and name are not echoed back: the answer shows only what was changed.
            return Render(request, new Dictionary<string, string>(), StatusCodes.Status200OK, [], report);
        }
        catch (ValidationFailedException failed)
        {
            var errors = FormFieldErrors.From(failed, FormFields, "epost", text.ErasureErrors);
            return Render(request, values, StatusCodes.Status400BadRequest, errors);
        }
    }

    private static IResult Render(HttpRequest request, IReadOnlyDictionary<string, string> form,
        int status = StatusCodes.Status200OK, IReadOnlyList<(string, string)>? errors = null, ErasureReport? report = null)
    {
        var frame = WorkspacePage.Frame(request, Page.Text(request).Workspace.Admin.ErasureTitle);
        return Page.Render<ErasurePage>(new ErasurePageView(frame, form) { Errors = errors ?? [], Report = report }, status);
    }
}
