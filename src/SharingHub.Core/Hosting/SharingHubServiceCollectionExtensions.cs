using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Digests;
using SharingHub.Networks;
using SharingHub.Storage;
using SharingHub.Stories;

namespace SharingHub.Hosting;

/// <summary>Everything the hub needs, whichever host runs it. Reads like a table of contents: one line per feature.</summary>
public static class SharingHubServiceCollectionExtensions
{
    public static IServiceCollection AddSharingHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHubStorage(configuration);
        services.AddNetworks();
        services.AddStories();
        services.AddDigests();
        return services;
    }
}
