using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;

namespace SharingHub.Access;

/// <summary>/api/keys: admins only. The key itself appears once, in the answer to create or rotate.</summary>
public static class KeyEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, AccessKeyService keys, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.DemandAdmin();
        var draft = await RequestBody.ReadJsonAsync<AccessKeyDraft>(request, ct, maxBytes: 16 * 1024);
        var issued = await keys.CreateAsync(draft, caller, ct);
        NoStore(request);
        return TypedResults.Created($"/api/keys/{issued.Details.Id}", issued);
    }

    public static async Task<IResult> List(HttpRequest request, AccessKeyService keys, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return TypedResults.Ok(await keys.ListAsync(ct));
    }

    public static async Task<IResult> Revoke(HttpRequest request, string id, AccessKeyService keys, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return TypedResults.Ok(await keys.RevokeAsync(id, ct));
    }

    public static async Task<IResult> Rotate(HttpRequest request, string id, AccessKeyService keys, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.DemandAdmin();
        var issued = await keys.RotateAsync(id, caller, ct);
        NoStore(request);
        return TypedResults.Created($"/api/keys/{issued.Details.Id}", issued);
    }

    // A secret in a response must not linger in caches between the hub and the admin.
    private static void NoStore(HttpRequest request) => request.HttpContext.Response.Headers.CacheControl = "no-store";
}
