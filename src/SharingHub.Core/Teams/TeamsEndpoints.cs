using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Reference;

namespace SharingHub.Teams;

/// <summary>
/// /api/teams/connections. A connection belongs to the municipality whose subscriber made it: its subscribers see it,
/// poll its sign-in and use it in subscriptions; admins see all. Others get 404, as for an id that does not exist.
/// </summary>
public static class TeamsEndpoints
{
    public static async Task<IResult> ListConnections(HttpRequest request, TeamsConnectionService connections, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        return TypedResults.Ok(await connections.ListForAsync(caller, ct));
    }

    public static async Task<IResult> GetConnection(HttpRequest request, string id, TeamsConnectionService connections, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var connection = await connections.GetAsync(id, ct);
        return TeamsConnectionService.MayUse(caller, connection) ? TypedResults.Ok(connection) : throw new NotFoundException("Teams connection", id);
    }

    /// <summary>A municipality's administrator connects their tenant for their municipality (subscriber role for it).</summary>
    public static async Task<IResult> StartConnection(HttpRequest request, TeamsConnectFlow flow, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var body = request.ContentLength is null or 0 ? new ConnectRequest(null) : await RequestBody.ReadJsonAsync<ConnectRequest>(request, ct, maxBytes: 4 * 1024);
        var started = await flow.StartAsync(body.TenantId, Owner(caller, body.Kommunenummer), ct);
        return TypedResults.Accepted($"/api/teams/connections/flows/{started.FlowId}", started);
    }

    public static IResult PollConnection(HttpRequest request, string flowId, TeamsConnectFlow flow)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        return TypedResults.Ok(flow.Poll(flowId, caller));
    }

    /// <summary>The municipality a new connection is for: the one asked for (the caller must be its subscriber), else the caller's only one.</summary>
    public static string? Owner(Caller caller, string? asked)
    {
        var kommune = asked?.Trim();
        if (string.IsNullOrEmpty(kommune))
        {
            var own = caller.ScopesOf(Role.Subscriber);
            return caller.IsAdmin ? null
                : own.Count == 1 ? own[0]
                : throw ValidationFailedException.For("kommunenummer", $"is required: which of your municipalities ({string.Join(", ", own)}) the connection is for");
        }
        if (!ReferenceData.Instance.MunicipalityByNumber.ContainsKey(kommune))
        {
            throw ValidationFailedException.For("kommunenummer", $"'{kommune}' is not a kommunenummer");
        }
        caller.Demand(Role.Subscriber, kommune);
        return kommune;
    }
}
