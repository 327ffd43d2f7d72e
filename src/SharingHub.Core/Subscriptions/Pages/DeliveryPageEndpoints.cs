using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Digests;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Workspace;

namespace SharingHub.Subscriptions.Pages;

/// <summary>
/// /arbeid/leveranser: the digests of the caller's subscriptions with their status and failure reasons; for admins the
/// two operator actions of the API, "run the digest round" (<see cref="DigestRound"/>) and "retry a delivery" (<see cref="DeliveryWorker"/>).
/// </summary>
public static class DeliveryPageEndpoints
{
    private const int Limit = 100;
    private static readonly string[] Statuses = ["pending", "sending", "sent", "failed"];

    public static async Task<IResult> List(HttpRequest request, IDeliveryStore deliveries, SubscriptionService subscriptions, CancellationToken ct) =>
        await RenderAsync(request, deliveries, subscriptions, null, StatusCodes.Status200OK, ct);

    public static async Task<IResult> RunRound(HttpRequest request, DigestRound round, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        await WorkspaceForms.ReadAsync(request, ct);
        var result = await round.RunOnceAsync(ct);
        return SubscriberPages.SeeOther(request, SubscriberPages.Deliveries, $"runde-{result.Subscriptions}-{result.Due}-{result.Enqueued}");
    }

    public static async Task<IResult> Retry(HttpRequest request, string id, DeliveryWorker worker, IDeliveryStore deliveries, SubscriptionService subscriptions, CancellationToken ct)
    {
        Caller.Of(request).DemandAdmin();
        await WorkspaceForms.ReadAsync(request, ct);
        try
        {
            await worker.RetryAsync(id, ct);
            return SubscriberPages.SeeOther(request, SubscriberPages.Deliveries, "sendes-igjen");
        }
        catch (Exception ex) when (ex is ConflictException or PreconditionFailedException)
        {
            var notice = new PageNotice(Page.Text(request).Format(SubscriberPages.Text(request).RetryRefused, ex.Message), IsError: true);
            return await RenderAsync(request, deliveries, subscriptions, notice, StatusCodes.Status409Conflict, ct);
        }
    }

    private static async Task<IResult> RenderAsync(HttpRequest request, IDeliveryStore deliveries, SubscriptionService subscriptions, PageNotice? notice, int status, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var t = SubscriberPages.Text(request);
        // The filters of a GET form: a wrong value is no error, the list is simply not filtered by it.
        var query = new QueryReader(request.Query);
        var subscription = query.Id("abonnement");
        var state = query.OneOf("status", Statuses);
        var parsed = state is null ? (DeliveryStatus?)null : Enum.Parse<DeliveryStatus>(state, ignoreCase: true);

        var own = (await subscriptions.ListAsync(null, ct)).Where(x => caller.Has(Role.Subscriber, x.Kommunenummer)).ToList();
        IReadOnlyList<Delivery> list;
        if (subscription is not null)
        {
            await SubscriptionEndpoints.OwnAsync(request, subscription, subscriptions, ct); // another municipality's: 403, as in the API
            list = await deliveries.ListAsync(subscription, parsed, Limit, ct);
        }
        else if (caller.IsAdmin)
        {
            list = await deliveries.ListAsync(null, parsed, Limit, ct);
        }
        else
        {
            var each = await Task.WhenAll(own.Select(x => deliveries.ListAsync(x.Id, parsed, Limit, ct)));
            list = [.. each.SelectMany(d => d)];
        }
        notice ??= Notice(request, t);
        var view = new DeliveryListView(
            WorkspacePage.Frame(request, t.DeliveriesTitle),
            [.. list.OrderByDescending(d => d.ScheduledFor).ThenByDescending(d => d.ComposedAt).Take(Limit)],
            [.. own.Select(x => (x.Id, $"{SubscriberPages.MunicipalityName(x.Kommunenummer)}: {(x.ConnectionId is null ? t.Outbox : x.ChannelId)}"))],
            subscription,
            state,
            notice);
        return Page.Render<DeliveryListPage>(view, status);
    }

    private static PageNotice? Notice(HttpRequest request, SubscriberText t)
    {
        var key = new QueryReader(request.Query).String("melding", 40);
        if (key == "sendes-igjen")
        {
            return new PageNotice(t.Retried);
        }
        var counts = key?.Split('-') ?? [];
        return counts is ["runde", var all, var due, var queued] && new[] { all, due, queued }.All(c => c.Length <= 9 && c.All(char.IsAsciiDigit))
            ? new PageNotice(Page.Text(request).Format(t.RoundDone, all, due, queued))
            : null;
    }
}

public sealed record DeliveryListView(
    WorkspaceFrame Frame,
    IReadOnlyList<Delivery> Deliveries,
    IReadOnlyList<(string Id, string Name)> Subscriptions,
    string? Subscription,
    string? Status,
    PageNotice? Notice);
