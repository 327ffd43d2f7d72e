using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Stories;
using SharingHub.Stories.Import;

namespace SharingHub.Workspace.Secretariat;

/// <summary>/arbeid/import: a CSV or NDJSON file uploaded in a form, imported as POST /api/stories/import does, the report as a table.</summary>
public static class ImportWorkspaceEndpoints
{
    public const string DefaultStatus = "submitted";

    public static async Task<IResult> Show(HttpRequest request, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        return View(request, choices, choices.Count == 1 ? choices[0].Key : null, DefaultStatus, FieldErrors.None, null);
    }

    public static async Task<IResult> Import(HttpRequest request, StoryImporter importer, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        var network = posted["network"].ToString().Trim() is { Length: > 0 } n ? n : null;
        var status = posted["status"].ToString();
        if (network is not null)
        {
            caller.Demand(Role.Secretariat, network);
        }
        var text = Page.Text(request).Workspace.Secretariat;
        var file = posted.Files.GetFile("file");
        var kind = file is null ? null : Path.GetExtension(file.FileName).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".ndjson" or ".jsonl" or ".json" => "ndjson",
            _ when file.ContentType.Contains("csv", StringComparison.OrdinalIgnoreCase) => "csv",
            _ when file.ContentType.Contains("ndjson", StringComparison.OrdinalIgnoreCase) => "ndjson",
            _ => null,
        };
        var problem = file is null || file.Length == 0 ? text.ErrorNoFile
            : kind is null ? text.ErrorFileType
            : file.Length > StoryImporter.MaxBytes ? text.ErrorFileTooLarge
            : null;
        if (!StoryImporter.Statuses.Contains(status))
        {
            return View(request, choices, network, DefaultStatus, FieldErrors.For("status", FieldErrors.Message("status", "is not one of", text)), null, StatusCodes.Status400BadRequest);
        }
        if (problem is not null)
        {
            return View(request, choices, network, status, FieldErrors.For("file", problem), null, StatusCodes.Status400BadRequest);
        }
        var bytes = new byte[file!.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        try
        {
            var report = await importer.ImportFileAsync(bytes, kind == "csv", network, Enum.Parse<StoryStatus>(status, ignoreCase: true), ct,
                writable => caller.Has(Role.Secretariat, writable));
            AuditContext.SetEntity(request.HttpContext, "stories/import");
            return View(request, choices, network, status, FieldErrors.None, report);
        }
        catch (ValidationFailedException failed)
        {
            // The whole file is refused (not UTF-8, too many rows, an unknown column): nothing was stored.
            return View(request, choices, network, status, FieldErrors.From(failed.Errors, text, key => key is "network" or "status" ? key : "file"), null, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult View(HttpRequest request, IReadOnlyList<KeyValuePair<string, string>> networks, string? network, string status,
        FieldErrors errors, ImportReport? report, int statusCode = StatusCodes.Status200OK)
    {
        var text = Page.Text(request).Workspace.Secretariat;
        return Page.Render<ImportPage>(new ImportView(WorkspacePage.Frame(request, text.ImportTitle), networks, network, status, errors, report), statusCode);
    }
}

/// <summary>The import form as chosen, its errors, and after an import the report.</summary>
public sealed record ImportView(
    WorkspaceFrame Frame,
    IReadOnlyList<KeyValuePair<string, string>> Networks,
    string? Network,
    string Status,
    FieldErrors Errors,
    ImportReport? Report);
