using System.Globalization;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;
using SharingHub.Pages;
using SharingHub.Workspace;

namespace SharingHub.Audit.Pages;

public sealed record AuditPageView(WorkspaceFrame Frame, IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<string, string> Filters)
{
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; init; } = [];

    /// <summary>The link to the next (older) page, when this page is full.</summary>
    public string? Older { get; init; }
}

/// <summary>/arbeid/logg: the audit log as GET /api/audit gives it, with the same filters, through the same <see cref="IAuditLog"/>.</summary>
public static class AuditPageEndpoints
{
    public const string Path = "/arbeid/logg";

    private static readonly string[] Fields = ["entity", "from", "to", "limit"];

    public static async Task<IResult> Show(HttpRequest request, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var text = Page.Text(request).Workspace.Admin;
        var frame = WorkspacePage.Frame(request, text.AuditTitle);
        var filters = Fields.ToDictionary(f => f, f => request.Query[f].ToString());
        var reader = new QueryReader(request.Query);
        var query = AuditEndpoints.ReadQuery(reader, request.Query, clock, paged: true);
        if (!reader.Errors.IsEmpty)
        {
            var errors = reader.Errors.ToDictionary().Keys.Select(k => Fields.Contains(k) ? k : "entity").Distinct()
                .Select(f => (f, text.AuditErrors[f])).ToList();
            return Page.Render<AuditPage>(new AuditPageView(frame, [], filters) { Errors = errors }, StatusCodes.Status400BadRequest);
        }
        var entries = await audit.QueryAsync(query, ct);
        // The next page: the same filters (the same range, fixed now), continuing after the oldest entry shown.
        var older = entries.Count == query.Limit
            ? Path + QueryString.Create(new Dictionary<string, string?>
            {
                ["entity"] = query.Entity,
                ["from"] = query.From.ToString("O", CultureInfo.InvariantCulture),
                ["to"] = query.To.ToString("O", CultureInfo.InvariantCulture),
                ["limit"] = query.Limit.ToString(CultureInfo.InvariantCulture),
                ["after"] = TableAuditLog.ContinuationAfter(entries[^1]),
            }.Where(p => p.Value is not null))
            : null;
        return Page.Render<AuditPage>(new AuditPageView(frame, entries, filters) { Older = older });
    }
}
