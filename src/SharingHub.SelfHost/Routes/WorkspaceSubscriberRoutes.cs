using SharingHub.Subscriptions.Pages;

namespace SharingHub.SelfHost.Routes;

/// <summary>The subscriber's workspace pages (subscriptions, deliveries, Teams) and the admin's digest actions.</summary>
internal static class WorkspaceSubscriberRoutes
{
    public static void MapWorkspaceSubscriber(this IEndpointRouteBuilder app)
    {
        app.MapGet(SubscriberPages.Subscriptions, SubscriptionPageEndpoints.List);
        app.MapGet(SubscriberPages.NewSubscription, SubscriptionPageEndpoints.New);
        app.MapPost(SubscriberPages.NewSubscription, SubscriptionPageEndpoints.Create);
        app.MapGet(SubscriberPages.Subscriptions + "/{id}", SubscriptionPageEndpoints.Show);
        app.MapPost(SubscriberPages.Subscriptions + "/{id}", SubscriptionPageEndpoints.Update);
        app.MapPost(SubscriberPages.Subscriptions + "/{id}/test", SubscriptionPageEndpoints.SendTest);
        app.MapPost(SubscriberPages.Subscriptions + "/{id}/slett", SubscriptionPageEndpoints.Delete);
        app.MapGet(SubscriberPages.Deliveries, DeliveryPageEndpoints.List);
        app.MapPost(SubscriberPages.Deliveries + "/runde", DeliveryPageEndpoints.RunRound);
        app.MapPost(SubscriberPages.Deliveries + "/{id}/send-igjen", DeliveryPageEndpoints.Retry);
        app.MapGet(SubscriberPages.Teams, TeamsPageEndpoints.Show);
        app.MapPost(SubscriberPages.Teams + "/koble-til", TeamsPageEndpoints.Connect);
        app.MapGet(SubscriberPages.Teams + "/innlogging/{flowId}", TeamsPageEndpoints.Flow);
    }
}
