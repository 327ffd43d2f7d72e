using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;
using SharingHub.Teams;

namespace SharingHub.Subscriptions;

/// <summary>/api/subscriptions, shared by the self-host and the Functions app.</summary>
public static class SubscriptionEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, SubscriptionService subscriptions, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var draft = await RequestBody.ReadJsonAsync<SubscriptionDraft>(request, ct, maxBytes: 64 * 1024);
        caller.Demand(Role.Subscriber, draft.Kommunenummer ?? string.Empty);
        var created = await subscriptions.CreateAsync(draft, ct, connection => TeamsConnectionService.MayUse(caller, connection));
        request.HttpContext.Response.Headers.ETag = EntityTag.For(created.Version);
        return TypedResults.Created($"/api/subscriptions/{created.Id}", created);
    }

    public static async Task<IResult> List(HttpRequest request, SubscriptionService subscriptions, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var kommune = query.String("kommunenummer", 4);
        query.ThrowIfInvalid();
        var caller = Caller.Of(request);
        if (kommune is null)
        {
            caller.Demand(caller.IsAdmin, "Listing every municipality's subscriptions needs an admin key; give ?kommunenummer=.");
        }
        else
        {
            caller.Demand(Role.Subscriber, kommune);
        }
        return TypedResults.Ok(await subscriptions.ListAsync(kommune, ct));
    }

    public static async Task<IResult> Get(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        var subscription = await OwnAsync(request, id, subscriptions, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(subscription.Version);
        return TypedResults.Ok(subscription);
    }

    public static async Task<IResult> Update(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        var expected = EntityTag.RequiredIfMatch(request);
        await OwnAsync(request, id, subscriptions, ct);
        var draft = await RequestBody.ReadJsonAsync<SubscriptionDraft>(request, ct, maxBytes: 64 * 1024);
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber, draft.Kommunenummer ?? string.Empty);
        var updated = await subscriptions.UpdateAsync(id, draft, expected, ct, connection => TeamsConnectionService.MayUse(caller, connection));
        request.HttpContext.Response.Headers.ETag = EntityTag.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    public static async Task<IResult> Delete(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        await OwnAsync(request, id, subscriptions, ct);
        await subscriptions.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A subscription belongs to its municipality's subscribers (and admins). Role first: it reveals nothing.</summary>
    public static async Task<Subscription> OwnAsync(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var subscription = await subscriptions.GetAsync(id, ct);
        caller.Demand(Role.Subscriber, subscription.Kommunenummer);
        return subscription;
    }
}
