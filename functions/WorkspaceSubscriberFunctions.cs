using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Digests;
using SharingHub.Subscriptions;
using SharingHub.Subscriptions.Pages;
using SharingHub.Teams;

namespace SharingHub.Functions;

/// <summary>The subscriber's workspace pages and the admin's digest actions. Not public: the access middleware demands a signed-in caller.</summary>
public sealed class WorkspaceSubscriberFunctions(
    SubscriptionPageServices pages,
    SubscriptionService subscriptions,
    IDeliveryStore deliveries,
    DigestRound round,
    DeliveryWorker worker,
    TeamsConnectionService connections,
    TeamsConnectFlow connectFlow)
{
    [Function(nameof(WorkspaceSubscriptions))]
    public Task<IResult> WorkspaceSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/abonnementer")] HttpRequest request, CancellationToken ct) =>
        SubscriptionPageEndpoints.List(request, subscriptions, ct);

    [Function(nameof(WorkspaceNewSubscription))]
    public Task<IResult> WorkspaceNewSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/abonnementer/ny")] HttpRequest request, CancellationToken ct) =>
        SubscriptionPageEndpoints.New(request, pages, ct);

    [Function(nameof(WorkspaceCreateSubscription))]
    public Task<IResult> WorkspaceCreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/abonnementer/ny")] HttpRequest request, CancellationToken ct) =>
        SubscriptionPageEndpoints.Create(request, pages, ct);

    [Function(nameof(WorkspaceSubscription))]
    public Task<IResult> WorkspaceSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/abonnementer/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionPageEndpoints.Show(request, id, pages, ct);

    [Function(nameof(WorkspaceUpdateSubscription))]
    public Task<IResult> WorkspaceUpdateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/abonnementer/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionPageEndpoints.Update(request, id, pages, ct);

    [Function(nameof(WorkspaceTestSubscription))]
    public Task<IResult> WorkspaceTestSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/abonnementer/{id}/test")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionPageEndpoints.SendTest(request, id, pages, ct);

    [Function(nameof(WorkspaceDeleteSubscription))]
    public Task<IResult> WorkspaceDeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/abonnementer/{id}/slett")] HttpRequest request, string id, CancellationToken ct) =>
        SubscriptionPageEndpoints.Delete(request, id, subscriptions, ct);

    [Function(nameof(WorkspaceDeliveries))]
    public Task<IResult> WorkspaceDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/leveranser")] HttpRequest request, CancellationToken ct) =>
        DeliveryPageEndpoints.List(request, deliveries, subscriptions, ct);

    [Function(nameof(WorkspaceRunDigestRound))]
    public Task<IResult> WorkspaceRunDigestRound([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/leveranser/runde")] HttpRequest request, CancellationToken ct) =>
        DeliveryPageEndpoints.RunRound(request, round, ct);

    [Function(nameof(WorkspaceRetryDelivery))]
    public Task<IResult> WorkspaceRetryDelivery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/leveranser/{id}/send-igjen")] HttpRequest request, string id, CancellationToken ct) =>
        DeliveryPageEndpoints.Retry(request, id, worker, deliveries, subscriptions, ct);

    [Function(nameof(WorkspaceTeams))]
    public Task<IResult> WorkspaceTeams([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/teams")] HttpRequest request, CancellationToken ct) =>
        TeamsPageEndpoints.Show(request, connections, ct);

    [Function(nameof(WorkspaceConnectTeams))]
    public Task<IResult> WorkspaceConnectTeams([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "arbeid/teams/koble-til")] HttpRequest request, CancellationToken ct) =>
        TeamsPageEndpoints.Connect(request, connectFlow, connections, ct);

    [Function(nameof(WorkspaceTeamsSignIn))]
    public IResult WorkspaceTeamsSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "arbeid/teams/innlogging/{flowId}")] HttpRequest request, string flowId) =>
        TeamsPageEndpoints.Flow(request, flowId, connectFlow);
}
