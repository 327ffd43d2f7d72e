using Microsoft.AspNetCore.Http;
using SharingHub.Common;
using SharingHub.Access;
using SharingHub.Common.Http;
using SharingHub.Subscriptions;

namespace SharingHub.Digests;

/// <summary>Digest routes: a subscription's test message and preview, the operator's due round, deliveries.</summary>
public static class DigestEndpoints
{
    private static readonly string[] Statuses = ["pending", "sending", "sent", "failed"];

    public static async Task<IResult> SendTest(HttpRequest request, string id, SubscriptionService subscriptions, SubscriptionMessages messages, CancellationToken ct)
    {
        await SubscriptionEndpoints.OwnAsync(request, id, subscriptions, ct);
        return TypedResults.Ok(await messages.SendTestAsync(id, ct));
    }

    public static async Task<IResult> Preview(HttpRequest request, string id, SubscriptionService subscriptions, SubscriptionMessages messages, CancellationToken ct)
    {
        await SubscriptionEndpoints.OwnAsync(request, id, subscriptions, ct);
        return TypedResults.Ok(await messages.PreviewAsync(id, ct));
    }

    /// <summary>Operators only: runs the due round now.</summary>
    public static async Task<IResult> Run(HttpRequest request, DigestRound round, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return TypedResults.Ok(await round.RunOnceAsync(ct));
    }

    public static async Task<IResult> ListDeliveries(HttpRequest request, IDeliveryStore deliveries, SubscriptionService subscriptions, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var subscription = query.Id("subscription");
        var status = query.OneOf("status", Statuses);
        var limit = query.Int("limit", 1, 1000) ?? 100;
        query.ThrowIfInvalid();
        var caller = Caller.Of(request);
        if (subscription is null)
        {
            caller.DemandAdmin();
        }
        else
        {
            await SubscriptionEndpoints.OwnAsync(request, subscription, subscriptions, ct);
        }
        var parsed = status is null ? (DeliveryStatus?)null : Enum.Parse<DeliveryStatus>(status, ignoreCase: true);
        return TypedResults.Ok(await deliveries.ListAsync(subscription, parsed, limit, ct));
    }

    public static async Task<IResult> GetDelivery(HttpRequest request, string id, IDeliveryStore deliveries, CancellationToken ct) =>
        TypedResults.Ok(await OwnDeliveryAsync(request, id, deliveries, ct));

    public static async Task<IResult> GetOutbox(HttpRequest request, string id, IDeliveryStore deliveries, IDigestOutbox outbox, CancellationToken ct)
    {
        await OwnDeliveryAsync(request, id, deliveries, ct);
        var json = await outbox.GetAsync(id, ct) ?? throw new NotFoundException("Outbox message", id);
        return TypedResults.Text(json, "application/json");
    }

    /// <summary>Operators only: replays a failed delivery.</summary>
    public static async Task<IResult> Retry(HttpRequest request, string id, DeliveryWorker worker, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        return TypedResults.Accepted($"/api/deliveries/{id}", await worker.RetryAsync(id, ct));
    }

    private static async Task<Delivery> OwnDeliveryAsync(HttpRequest request, string id, IDeliveryStore deliveries, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var stored = await deliveries.GetAsync(id, ct) ?? throw new NotFoundException("Delivery", id);
        caller.Demand(Role.Subscriber, stored.Delivery.Kommunenummer);
        return stored.Delivery;
    }
}
