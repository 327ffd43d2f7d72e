using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Storage;
using SharingHub.Subscriptions;
using SharingHub.Teams;

namespace SharingHub.Digests;

public static class DigestsModule
{
    /// <summary>Teams connections, subscriptions and digests: the three live and ship together.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddTeams();
        services.AddSubscriptions();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        services.AddStorageResource(StorageKind.Table, TableDeliveryStore.DeliveriesTable);
        services.AddStorageResource(StorageKind.Table, TableDeliveryStore.CarriedTable);
        services.AddStorageResource(StorageKind.Queue, StorageDeliveryQueue.QueueName);
        services.AddStorageResource(StorageKind.Container, BlobDigestOutbox.ContainerName);
        services.TryAddSingleton<IDigestWebinarSource, NoWebinarSource>();
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<DeliveryQueueSignal>();
        services.AddSingleton<IDeliveryQueue, StorageDeliveryQueue>();
        services.AddSingleton<IDigestOutbox, BlobDigestOutbox>();
        services.AddSingleton<People.IPersonalDataHolder, DigestPersonalData>();
        services.AddSingleton<DigestThrottle>();
        services.AddSingleton<DeliveryFaults>();
        services.AddSingleton<DeliveryWorker>();
        services.AddSingleton<DigestRound>();
        services.AddSingleton<DigestQueueRunner>();
        services.AddSingleton<SubscriptionMessages>();
        return services;
    }

    /// <summary>The self-host's background due-job and delivery worker, unless <c>Digests:RunWorkers</c> is false.</summary>
    public static IServiceCollection AddDigestWorkers(this IServiceCollection services, bool enabled)
    {
        if (enabled)
        {
            services.AddHostedService<DigestSchedulerService>();
            services.AddHostedService<DigestDeliveryService>();
        }
        return services;
    }
}
