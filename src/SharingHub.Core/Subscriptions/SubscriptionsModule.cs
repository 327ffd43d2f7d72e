using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;

namespace SharingHub.Subscriptions;

public static class SubscriptionsModule
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddStorageResource(StorageKind.Table, TableSubscriptionStore.TableName);
        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<Pages.SubscriptionPageServices>();
        return services;
    }
}
