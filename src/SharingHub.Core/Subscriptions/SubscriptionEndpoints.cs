using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;

namespace SharingHub.Subscriptions;

/// <summary>/api/subscriptions, shared by the self-host and the Functions app.</summary>
public static class SubscriptionEndpoints
{
    public static async Task<IResult> Create(HttpRequest request, SubscriptionService subscriptions, CancellationToken ct)
    {
        var draft = await RequestBody.ReadJsonAsync<SubscriptionDraft>(request, ct, maxBytes: 64 * 1024);
        var created = await subscriptions.CreateAsync(draft, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(created.Version);
        return TypedResults.Created($"/api/subscriptions/{created.Id}", created);
    }

    public static async Task<IResult> List(HttpRequest request, SubscriptionService subscriptions, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var kommune = query.String("kommunenummer", 4);
        query.ThrowIfInvalid();
        return TypedResults.Ok(await subscriptions.ListAsync(kommune, ct));
    }

    public static async Task<IResult> Get(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(id, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(subscription.Version);
        return TypedResults.Ok(subscription);
    }

    public static async Task<IResult> Update(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        var expected = EntityTag.RequiredIfMatch(request);
        var draft = await RequestBody.ReadJsonAsync<SubscriptionDraft>(request, ct, maxBytes: 64 * 1024);
        var updated = await subscriptions.UpdateAsync(id, draft, expected, ct);
        request.HttpContext.Response.Headers.ETag = EntityTag.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    public static async Task<IResult> Delete(string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        await subscriptions.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
