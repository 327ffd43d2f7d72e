using Microsoft.AspNetCore.Http;

namespace SharingHub.Teams;

public static class TeamsEndpoints
{
    public static async Task<IResult> ListConnections(TeamsConnectionService connections, CancellationToken ct) =>
        TypedResults.Ok(await connections.ListAsync(ct));

    public static async Task<IResult> GetConnection(string id, TeamsConnectionService connections, CancellationToken ct) =>
        TypedResults.Ok(await connections.GetAsync(id, ct));
}
