using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Access;
using SharingHub.Common.Http;

namespace SharingHub.Networks;

public static class NetworkEndpoints
{
    [PublicRead]
    public static async Task<Ok<IReadOnlyList<Network>>> List(NetworkService networks, CancellationToken ct) =>
        TypedResults.Ok(await networks.ListAsync(ct));

    [PublicRead]
    public static async Task<Ok<Network>> Get(string id, NetworkService networks, CancellationToken ct) =>
        TypedResults.Ok(await networks.GetAsync(id, ct));

    public static async Task<Created<Network>> Create(HttpRequest request, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        var draft = await RequestBody.ReadJsonAsync<NetworkDraft>(request, ct, maxBytes: 16 * 1024);
        var network = await networks.CreateAsync(draft, ct);
        return TypedResults.Created($"/api/networks/{network.Id}", network);
    }
}
