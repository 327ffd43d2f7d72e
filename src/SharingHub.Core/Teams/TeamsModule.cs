using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Storage;

namespace SharingHub.Teams;

public static class TeamsModule
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section);
        services.AddStorageResource(StorageKind.Table, TableTeamsConnectionStore.TableName);
        services.AddSingleton<ITeamsConnectionStore, TableTeamsConnectionStore>();
        services.AddSingleton<TeamsConnectionService>();
        services.TryAddSingleton<ITeamsTokenProvider, UnconfiguredTokenProvider>();
        services.AddSingleton<ITeamsChannels, GraphTeamsChannels>();
        return services;
    }
}
