using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;

namespace SharingHub.Teams;

public static class TeamsEndpoints
{
    public static async Task<IResult> ListConnections(TeamsConnectionService connections, CancellationToken ct) =>
        TypedResults.Ok(await connections.ListAsync(ct));

    public static async Task<IResult> GetConnection(string id, TeamsConnectionService connections, CancellationToken ct) =>
        TypedResults.Ok(await connections.GetAsync(id, ct));

    public static async Task<IResult> StartConnection(HttpRequest request, TeamsConnectFlow flow, CancellationToken ct)
    {
        var body = request.ContentLength is null or 0 ? new ConnectRequest(null) : await RequestBody.ReadJsonAsync<ConnectRequest>(request, ct, maxBytes: 4 * 1024);
        var started = await flow.StartAsync(body.TenantId, ct);
        return TypedResults.Accepted($"/api/teams/connections/flows/{started.FlowId}", started);
    }

    public static IResult PollConnection(string flowId, TeamsConnectFlow flow) => TypedResults.Ok(flow.Poll(flowId));
}
