using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Digests;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.Functions;

/// <summary>
/// Teams digests: the hourly due-job, the delivery queue (and its poison queue), and the HTTP routes for subscriptions,
/// deliveries and Teams connections. Each function binds its trigger and hands over to the core.
/// </summary>
public sealed class DigestFunctions(
    DigestRound round,
    DeliveryWorker worker,
    SubscriptionService subscriptions,
    SubscriptionMessages messages,
    IDeliveryStore deliveries,
    IDigestOutbox outbox,
    TeamsConnectionService connections,
    TeamsConnectFlow connectFlow)
{
    // A minute past every hour: cadences are whole hours in Europe/Oslo, the round works out which fell due.
    [Function(nameof(RunDueDigests))]
    public Task RunDueDigests([TimerTrigger("0 1 * * * *")] TimerInfo timer, CancellationToken ct) =>
        round.RunOnceAsync(ct);

    [Function(nameof(DeliverDigest))]
    public Task DeliverDigest([QueueTrigger(StorageDeliveryQueue.QueueName, Connection = "Storage")] string message, CancellationToken ct) =>
        worker.HandleQueuedAsync(message, ct);

    [Function(nameof(DeliverDigestPoison))]
    public Task DeliverDigestPoison([QueueTrigger(StorageDeliveryQueue.QueueName + "-poison", Connection = "Storage")] string message, CancellationToken ct) =>
        worker.HandlePoisonAsync(message, ct);

    [Function(nameof(ListSubscriptions))]
    public Task<IResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/subscriptions")] HttpRequest request, CancellationToken ct) =>
        SubscriptionEndpoints.List(request, subscriptions, ct);

    [Function(nameof(CreateSubscription))]
    public Task<IResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/subscriptions")] HttpRequest request, CancellationToken ct) =>
        SubscriptionEndpoints.Create(request, subscriptions, ct);

    [Function(nameof(GetSubscription))]
    public Task<IResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/subscriptions/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionEndpoints.Get(request, id, subscriptions, ct);

    [Function(nameof(UpdateSubscription))]
    public Task<IResult> UpdateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/subscriptions/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionEndpoints.Update(request, id, subscriptions, ct);

    [Function(nameof(DeleteSubscription))]
    public Task<IResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/subscriptions/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionEndpoints.Delete(request, id, subscriptions, ct);

    [Function(nameof(TestSubscription))]
    public Task<IResult> TestSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/subscriptions/{id}/test")] HttpRequest request, string id, CancellationToken ct) =>
        DigestEndpoints.SendTest(request, id, subscriptions, messages, ct);

    [Function(nameof(PreviewDigest))]
    public Task<IResult> PreviewDigest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/subscriptions/{id}/digest/preview")] HttpRequest request, string id, CancellationToken ct) =>
        DigestEndpoints.Preview(request, id, subscriptions, messages, ct);

    [Function(nameof(RunDigestsNow))]
    public Task<IResult> RunDigestsNow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/digests/run")] HttpRequest request, CancellationToken ct) =>
        DigestEndpoints.Run(request, round, ct);

    [Function(nameof(ListDeliveries))]
    public Task<IResult> ListDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deliveries")] HttpRequest request, CancellationToken ct) =>
        DigestEndpoints.ListDeliveries(request, deliveries, subscriptions, ct);

    [Function(nameof(GetDelivery))]
    public Task<IResult> GetDelivery([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deliveries/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        DigestEndpoints.GetDelivery(request, id, deliveries, ct);

    [Function(nameof(GetDeliveryOutbox))]
    public Task<IResult> GetDeliveryOutbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deliveries/{id}/outbox")] HttpRequest request, string id, CancellationToken ct) =>
        DigestEndpoints.GetOutbox(request, id, deliveries, outbox, ct);

    [Function(nameof(RetryDelivery))]
    public Task<IResult> RetryDelivery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deliveries/{id}/retry")] HttpRequest request, string id, CancellationToken ct) =>
        DigestEndpoints.Retry(request, id, worker, ct);

    [Function(nameof(ListTeamsConnections))]
    public Task<IResult> ListTeamsConnections([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/teams/connections")] HttpRequest request, CancellationToken ct) =>
        TeamsEndpoints.ListConnections(request, connections, ct);

    [Function(nameof(GetTeamsConnection))]
    public Task<IResult> GetTeamsConnection([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/teams/connections/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        TeamsEndpoints.GetConnection(request, id, connections, ct);

    [Function(nameof(StartTeamsConnection))]
    public Task<IResult> StartTeamsConnection([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/teams/connections/start")] HttpRequest request, CancellationToken ct) =>
        TeamsEndpoints.StartConnection(request, connectFlow, ct);

    [Function(nameof(PollTeamsConnection))]
    public IResult PollTeamsConnection([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/teams/connections/flows/{flowId}/poll")] HttpRequest request, string flowId) =>
        TeamsEndpoints.PollConnection(request, flowId, connectFlow);
}
