using Microsoft.AspNetCore.Http;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Workspace;

namespace SharingHub.Access.Pages;

public sealed record KeysPageView(WorkspaceFrame Frame, IReadOnlyList<AccessKey> Keys, IReadOnlyDictionary<string, string> Form)
{
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; init; } = [];

    public string? NewKey { get; init; }
}

/// <summary>/arbeid/nokler: the page for what /api/keys does, through the same <see cref="AccessKeyService"/>.</summary>
public static class KeyPageEndpoints
{
    public const string Path = "/arbeid/nokler";

    /// <summary>The key service's field names, as the form calls them.</summary>
    private static readonly IReadOnlyDictionary<string, string> FormFields = new Dictionary<string, string>
    {
        ["name"] = "navn", ["role"] = "rolle", ["scopes"] = "omfang", ["expiresAt"] = "utloper",
    };

    public static async Task<IResult> Show(HttpRequest request, AccessKeyService keys, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return await RenderAsync(request, keys, new Dictionary<string, string>(), ct);
    }

    public static async Task<IResult> Issue(HttpRequest request, AccessKeyService keys, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.DemandAdmin();
        var form = await WorkspaceForms.ReadAsync(request, ct);
        var values = new[] { "navn", "rolle", "omfang", "utloper" }.ToDictionary(f => f, f => form[f].ToString().Trim());
        try
        {
            DateTimeOffset? expires = values["utloper"].Length == 0 ? null
                : DateOnly.TryParseExact(values["utloper"], "yyyy-MM-dd", out var date) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : throw ValidationFailedException.For("expiresAt", "is not a date");
            var scopes = values["omfang"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var issued = await keys.CreateAsync(new AccessKeyDraft(values["navn"], values["rolle"], scopes, expires), caller, ct);
            return await ShownOnceAsync(request, keys, issued, ct);
        }
        catch (ValidationFailedException failed)
        {
            var text = Page.Text(request).Workspace.Admin;
            var errors = FormFieldErrors.From(failed, FormFields, "navn", text.KeyErrors);
            return await RenderAsync(request, keys, values, ct, StatusCodes.Status400BadRequest, errors);
        }
    }

    public static async Task<IResult> Revoke(HttpRequest request, string id, AccessKeyService keys, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        await WorkspaceForms.ReadAsync(request, ct);
        await keys.RevokeAsync(id, ct);
        return new SeeOther(Path);
    }

    public static async Task<IResult> Rotate(HttpRequest request, string id, AccessKeyService keys, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.DemandAdmin();
        await WorkspaceForms.ReadAsync(request, ct);
        return await ShownOnceAsync(request, keys, await keys.RotateAsync(id, caller, ct), ct);
    }

    /// <summary>The new key is on this answer only (never stored, never redirected to): kept out of every cache.</summary>
    private static async Task<IResult> ShownOnceAsync(HttpRequest request, AccessKeyService keys, IssuedKey issued, CancellationToken ct)
    {
        request.HttpContext.Response.OnStarting(() =>
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return await RenderAsync(request, keys, new Dictionary<string, string>(), ct, StatusCodes.Status200OK, [], issued.Key);
    }

    private static async Task<IResult> RenderAsync(HttpRequest request, AccessKeyService keys, IReadOnlyDictionary<string, string> form, CancellationToken ct,
        int status = StatusCodes.Status200OK, IReadOnlyList<(string, string)>? errors = null, string? newKey = null)
    {
        var frame = WorkspacePage.Frame(request, Page.Text(request).Workspace.Admin.KeysTitle);
        var list = (await keys.ListAsync(ct)).OrderByDescending(k => k.CreatedAt).ToList();
        return Page.Render<KeysPage>(new KeysPageView(frame, list, form) { Errors = errors ?? [], NewKey = newKey }, status);
    }
}
