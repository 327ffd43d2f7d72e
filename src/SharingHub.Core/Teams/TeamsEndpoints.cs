using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;

namespace SharingHub.Teams;

public static class TeamsEndpoints
{
    /// <summary>Connections span tenants: listing them is for operators.</summary>
    public static async Task<IResult> ListConnections(HttpRequest request, TeamsConnectionService connections, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return TypedResults.Ok(await connections.ListAsync(ct));
    }

    public static async Task<IResult> GetConnection(HttpRequest request, string id, TeamsConnectionService connections, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Subscriber);
        return TypedResults.Ok(await connections.GetAsync(id, ct));
    }

    /// <summary>A municipality's administrator connects their tenant (subscriber role, any municipality).</summary>
    public static async Task<IResult> StartConnection(HttpRequest request, TeamsConnectFlow flow, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Subscriber);
        var body = request.ContentLength is null or 0 ? new ConnectRequest(null) : await RequestBody.ReadJsonAsync<ConnectRequest>(request, ct, maxBytes: 4 * 1024);
        var started = await flow.StartAsync(body.TenantId, ct);
        return TypedResults.Accepted($"/api/teams/connections/flows/{started.FlowId}", started);
    }

    public static IResult PollConnection(HttpRequest request, string flowId, TeamsConnectFlow flow)
    {
        Caller.Of(request).Demand(Role.Subscriber);
        return TypedResults.Ok(flow.Poll(flowId));
    }
}
