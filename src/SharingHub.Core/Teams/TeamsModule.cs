using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.AddSingleton<People.IPersonalDataHolder, TeamsConnectionPersonalData>();
        services.AddStorageResource(StorageKind.Container, BlobTokenCacheStore.ContainerName);
        services.AddSingleton(sp => new TokenCacheProtector(sp.GetRequiredService<IOptions<TeamsOptions>>().Value.TokenCacheKey));
        services.AddSingleton<BlobTokenCacheStore>();
        services.AddSingleton<MsalTeamsTokenProvider>();
        services.TryAddSingleton<ITeamsDeviceCodeSignIn>(sp => sp.GetRequiredService<MsalTeamsTokenProvider>());
        services.AddSingleton<TeamsConnectFlow>();
        // MSAL when the hub's Entra app is configured; otherwise every connection reads as not signed in (outbox mode still works).
        services.TryAddSingleton<ITeamsTokenProvider>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ClientId)
                ? new UnconfiguredTokenProvider()
                : sp.GetRequiredService<MsalTeamsTokenProvider>());
        services.AddSingleton<ITeamsChannels, GraphTeamsChannels>();
        services.AddSingleton<TeamsPicker>();
        return services;
    }
}
