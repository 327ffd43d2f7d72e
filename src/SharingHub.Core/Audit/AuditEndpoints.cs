using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;

namespace SharingHub.Audit;

/// <summary>GET /api/audit?entity=stories/{id}&amp;from=&amp;to=&amp;limit= (admins). Without an entity the range may span at most 31 days.</summary>
public static class AuditEndpoints
{
    public static async Task<IResult> Query(HttpRequest request, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var reader = new QueryReader(request.Query);
        var query = ReadQuery(reader, request.Query, clock);
        reader.ThrowIfInvalid();
        return TypedResults.Ok(await audit.QueryAsync(query, ct));
    }

    /// <summary>
    /// The filters of GET /api/audit (also the audit page's): reasons for wrong ones are added to <paramref name="reader"/>'s
    /// errors, which the caller throws or shows.
    /// </summary>
    /// <param name="paged">Whether "after" (a continuation token) is read too: the page's "older entries" link.</param>
    public static AuditQuery ReadQuery(QueryReader reader, IQueryCollection parameters, TimeProvider clock, bool paged = false)
    {
        foreach (var unknown in parameters.Keys.Where(k => k is not ("entity" or "from" or "to" or "limit") && !(paged && k == "after")))
        {
            reader.Errors.Add(unknown, "is not a filter; use entity, from, to, limit");
        }
        var entity = reader.String("entity", 200);
        if (entity is not null && !entity.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or ':'))
        {
            reader.Errors.Add("entity", "must look like 'stories/{id}' or 'keys/{id}'");
        }
        var to = reader.Timestamp("to") ?? clock.GetUtcNow();
        var from = reader.Timestamp("from") ?? to.AddDays(-7);
        var limit = reader.Int("limit", 1, 1000) ?? 200;
        if (from > to)
        {
            reader.Errors.Add("from", "must not be later than to");
        }
        else if (entity is null && to - from > TimeSpan.FromDays(TableAuditLog.MaxDays))
        {
            reader.Errors.Add("from", $"must be at most {TableAuditLog.MaxDays} days before to when no entity is given");
        }
        var after = paged ? reader.String("after", 40) : null;
        if (after is not null && !TableAuditLog.IsContinuation(after))
        {
            reader.Errors.Add("after", "is not a continuation token from this log");
        }
        return new AuditQuery(entity?.TrimStart('/'), from, to, limit, after);
    }
}
