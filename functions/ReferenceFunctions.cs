using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.Networks;
using SharingHub.Reference;

namespace SharingHub.Functions;

/// <summary>/api/reference/* and /api/networks.</summary>
public sealed class ReferenceFunctions(NetworkService networks)
{
    [Function(nameof(ReferenceGoals))]
    [PublicRead]
    public IResult ReferenceGoals([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/goals")] HttpRequest request) =>
        ReferenceEndpoints.Goals();

    [Function(nameof(ReferenceTargets))]
    [PublicRead]
    public IResult ReferenceTargets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/targets")] HttpRequest request) =>
        ReferenceEndpoints.Targets();

    [Function(nameof(ReferenceMunicipalities))]
    [PublicRead]
    public IResult ReferenceMunicipalities([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/municipalities")] HttpRequest request) =>
        ReferenceEndpoints.Municipalities();

    [Function(nameof(ReferenceCounties))]
    [PublicRead]
    public IResult ReferenceCounties([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/counties")] HttpRequest request) =>
        ReferenceEndpoints.Counties();

    [Function(nameof(ListNetworks))]
    [PublicRead]
    public async Task<IResult> ListNetworks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/networks")] HttpRequest request, CancellationToken ct) =>
        await NetworkEndpoints.List(networks, ct);

    [Function(nameof(GetNetwork))]
    [PublicRead]
    public async Task<IResult> GetNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/networks/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        await NetworkEndpoints.Get(id, networks, ct);

    [Function(nameof(CreateNetwork))]
    public async Task<IResult> CreateNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/networks")] HttpRequest request, CancellationToken ct) =>
        await NetworkEndpoints.Create(request, networks, ct);
}
