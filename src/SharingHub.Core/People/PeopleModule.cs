using Microsoft.Extensions.DependencyInjection;

namespace SharingHub.People;

public static class PeopleModule
{
    /// <summary>The erasure service; each feature that holds personal data registers its own <see cref="IPersonalDataHolder"/>.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddSingleton<ErasureService>();
        return services;
    }
}
