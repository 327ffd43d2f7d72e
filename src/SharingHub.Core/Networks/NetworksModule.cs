using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;

namespace SharingHub.Networks;

public static class NetworksModule
{
    public static IServiceCollection AddNetworks(this IServiceCollection services)
    {
        services.AddStorageResource(StorageKind.Table, TableNetworkStore.TableName);
        services.AddSingleton<INetworkStore, TableNetworkStore>();
        services.AddSingleton<NetworkService>();
        services.AddHostedService<NetworkSeeder>();
        return services;
    }
}
