using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;

namespace SharingHub.People;

/// <summary>DELETE /api/people/{email} (admins): erase a contact person or speaker everywhere.</summary>
public static class PeopleEndpoints
{
    public static async Task<IResult> Erase(HttpRequest request, string email, ErasureService erasure, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var report = await erasure.EraseAsync(email, ct);
        AuditContext.SetEntity(request.HttpContext, $"people/{report.Person}");
        return TypedResults.Ok(report);
    }
}
