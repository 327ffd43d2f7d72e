using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.People;

namespace SharingHub.Functions;

/// <summary>/api/keys, /api/audit and /api/people: admins only (checked in core).</summary>
public sealed class AccessFunctions(AccessKeyService keys, IAuditLog audit, TimeProvider clock, ErasureService erasure)
{
    [Function(nameof(CreateKey))]
    public Task<IResult> CreateKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keys")] HttpRequest request, CancellationToken ct) =>
        KeyEndpoints.Create(request, keys, ct);

    [Function(nameof(ListKeys))]
    public Task<IResult> ListKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/keys")] HttpRequest request, CancellationToken ct) =>
        KeyEndpoints.List(request, keys, ct);

    [Function(nameof(RevokeKey))]
    public Task<IResult> RevokeKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/keys/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        KeyEndpoints.Revoke(request, id, keys, ct);

    [Function(nameof(RotateKey))]
    public Task<IResult> RotateKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keys/{id}/rotate")] HttpRequest request, string id, CancellationToken ct) =>
        KeyEndpoints.Rotate(request, id, keys, ct);

    [Function(nameof(QueryAudit))]
    public Task<IResult> QueryAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit")] HttpRequest request, CancellationToken ct) =>
        AuditEndpoints.Query(request, audit, clock, ct);

    [Function(nameof(ErasePerson))]
    public Task<IResult> ErasePerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/people/erase")] HttpRequest request, CancellationToken ct) =>
        PeopleEndpoints.Erase(request, erasure, ct);
}
