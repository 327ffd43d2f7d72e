using Microsoft.AspNetCore.Http;
using SharingHub.Common;
using SharingHub.Common.Http;

namespace SharingHub.Digests;

/// <summary>Digest routes: a subscription's test message and preview, the operator's due round, deliveries.</summary>
public static class DigestEndpoints
{
    private static readonly string[] Statuses = ["pending", "sending", "sent", "failed"];

    public static async Task<IResult> SendTest(string id, SubscriptionMessages messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.SendTestAsync(id, ct));

    public static async Task<IResult> Preview(string id, SubscriptionMessages messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.PreviewAsync(id, ct));

    public static async Task<IResult> Run(DigestRound round, CancellationToken ct) =>
        TypedResults.Ok(await round.RunOnceAsync(ct));

    public static async Task<IResult> ListDeliveries(HttpRequest request, IDeliveryStore deliveries, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var subscription = query.String("subscription", 64);
        var status = query.OneOf("status", Statuses);
        var limit = query.Int("limit", 1, 1000) ?? 100;
        query.ThrowIfInvalid();
        var parsed = status is null ? (DeliveryStatus?)null : Enum.Parse<DeliveryStatus>(status, ignoreCase: true);
        return TypedResults.Ok(await deliveries.ListAsync(subscription, parsed, limit, ct));
    }

    public static async Task<IResult> GetDelivery(string id, IDeliveryStore deliveries, CancellationToken ct)
    {
        var stored = await deliveries.GetAsync(id, ct) ?? throw new NotFoundException("Delivery", id);
        return TypedResults.Ok(stored.Delivery);
    }

    public static async Task<IResult> GetOutbox(string id, IDigestOutbox outbox, CancellationToken ct)
    {
        var json = await outbox.GetAsync(id, ct) ?? throw new NotFoundException("Outbox message", id);
        return TypedResults.Text(json, "application/json");
    }

    public static async Task<IResult> Retry(string id, DeliveryWorker worker, CancellationToken ct) =>
        TypedResults.Accepted($"/api/deliveries/{id}", await worker.RetryAsync(id, ct));
}
