using SharingHub.Digests;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.SelfHost.Routes;

internal static class DigestRoutes
{
    public static void MapDigests(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions");
        subscriptions.MapGet("/", SubscriptionEndpoints.List);
        subscriptions.MapPost("/", SubscriptionEndpoints.Create);
        subscriptions.MapGet("/{id}", SubscriptionEndpoints.Get);
        subscriptions.MapPut("/{id}", SubscriptionEndpoints.Update);
        subscriptions.MapDelete("/{id}", SubscriptionEndpoints.Delete);
        subscriptions.MapPost("/{id}/test", DigestEndpoints.SendTest);
        subscriptions.MapGet("/{id}/digest/preview", DigestEndpoints.Preview);

        api.MapPost("/digests/run", DigestEndpoints.Run);

        var deliveries = api.MapGroup("/deliveries");
        deliveries.MapGet("/", DigestEndpoints.ListDeliveries);
        deliveries.MapGet("/{id}", DigestEndpoints.GetDelivery);
        deliveries.MapGet("/{id}/outbox", DigestEndpoints.GetOutbox);
        deliveries.MapPost("/{id}/retry", DigestEndpoints.Retry);

        var connections = api.MapGroup("/teams/connections");
        connections.MapGet("/", TeamsEndpoints.ListConnections);
        connections.MapGet("/{id}", TeamsEndpoints.GetConnection);
        connections.MapPost("/start", TeamsEndpoints.StartConnection);
        connections.MapPost("/flows/{flowId}/poll", TeamsEndpoints.PollConnection);
    }
}
