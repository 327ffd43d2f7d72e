using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Access;
using SharingHub.Feeds;
using SharingHub.Moderation;
using SharingHub.Digests;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Search;
using SharingHub.SignIn;
using SharingHub.Storage;
using SharingHub.Stories;
using SharingHub.Webinars;
using SharingHub.Workspace;

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
        services.AddAccess(configuration);
        services.AddSignIn(configuration);
        services.AddFeeds().AddModeration();
        services.AddWebinars();
        services.AddDigests();
        services.AddSearch(); // after Stories and Webinars: erasure asks the index last
        services.AddPages();
        services.AddWorkspace();
        return services;
    }
}
