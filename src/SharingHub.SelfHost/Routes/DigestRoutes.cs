using System.Text.Json;
using SharingHub.Digests;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.SelfHost.Routes;

internal static class DigestRoutes
{
    public static void MapDigests(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        subscriptions.MapGet("/", SubscriptionEndpoints.List).Reads<IReadOnlyList<Subscription>>("A municipality's digest subscriptions");
        subscriptions.MapPost("/", SubscriptionEndpoints.Create).Takes<SubscriptionDraft, Subscription>("Subscribe a Teams channel", StatusCodes.Status201Created);
        subscriptions.MapGet("/{id}", SubscriptionEndpoints.Get).Reads<Subscription>("A subscription (ETag)");
        subscriptions.MapPut("/{id}", SubscriptionEndpoints.Update).Takes<SubscriptionDraft, Subscription>("Change a subscription").IfMatch(required: true);
        subscriptions.MapDelete("/{id}", SubscriptionEndpoints.Delete).WithSummary("End a subscription").Produces(StatusCodes.Status204NoContent);
        subscriptions.MapPost("/{id}/test", DigestEndpoints.SendTest).Does<TestMessageResult>("Post a test message to the channel");
        subscriptions.MapGet("/{id}/digest/preview", DigestEndpoints.Preview).Reads<DigestPreview>("The next digest, without sending it");

        api.MapPost("/digests/run", DigestEndpoints.Run).WithTags("Subscriptions").Does<RoundResult>("Run a digest round now");

        var deliveries = api.MapGroup("/deliveries").WithTags("Subscriptions");
        deliveries.MapGet("/", DigestEndpoints.ListDeliveries).Reads<IReadOnlyList<Delivery>>("A subscription's digest deliveries");
        deliveries.MapGet("/{id}", DigestEndpoints.GetDelivery).Reads<Delivery>("A delivery");
        deliveries.MapGet("/{id}/outbox", DigestEndpoints.GetOutbox).Reads<JsonElement>("The Teams message a delivery sends, as Graph receives it");
        deliveries.MapPost("/{id}/retry", DigestEndpoints.Retry).Does<Delivery>("Send a failed delivery again", StatusCodes.Status202Accepted);

        var connections = api.MapGroup("/teams/connections").WithTags("Teams");
        connections.MapGet("/", TeamsEndpoints.ListConnections).Reads<IReadOnlyList<TeamsConnection>>("The Teams connections you may use");
        connections.MapGet("/{id}", TeamsEndpoints.GetConnection).Reads<TeamsConnection>("A Teams connection");
        connections.MapPost("/start", TeamsEndpoints.StartConnection)
            .Takes<ConnectRequest, DeviceCodeStart>("Connect a tenant's Teams (device code)", StatusCodes.Status202Accepted, optional: true);
        connections.MapPost("/flows/{flowId}/poll", TeamsEndpoints.PollConnection).Does<DeviceCodePoll>("How a connection flow stands");
    }
}
