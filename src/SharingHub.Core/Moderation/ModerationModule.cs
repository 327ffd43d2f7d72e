using Microsoft.Extensions.DependencyInjection;

namespace SharingHub.Moderation;

public static class ModerationModule
{
    /// <summary>Moderation keeps nothing of its own: the queue is the stories' submitted index, decisions live on the story.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<ModerationService>();
        return services;
    }
}
