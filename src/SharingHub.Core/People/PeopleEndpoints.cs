using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common.Http;

namespace SharingHub.People;

/// <summary>
/// POST /api/people/erase (admins): erase a contact person or speaker everywhere. The address comes in the body, never in
/// the URL, so it reaches no access log, telemetry or audit.
/// </summary>
public static class PeopleEndpoints
{
    public const int MaxBodyBytes = 4 * 1024;

    public static async Task<IResult> Erase(HttpRequest request, ErasureService erasure, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var body = await RequestBody.ReadJsonAsync<ErasureRequest>(request, ct, MaxBodyBytes);
        var report = await erasure.EraseAsync(body.Email, body.Name, ct);
        AuditContext.SetEntity(request.HttpContext, $"people/{report.Person}");
        return TypedResults.Ok(report);
    }
}
