using Microsoft.Extensions.DependencyInjection;
using SharingHub.Common.Idempotency;
using SharingHub.People;
using SharingHub.Storage;
using SharingHub.Stories.Import;

namespace SharingHub.Stories;

public static class StoriesModule
{
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddStorageResource(StorageKind.Table, StoryEntities.MainTable);
        foreach (var table in StoryEntities.IndexTables)
        {
            services.AddStorageResource(StorageKind.Table, table);
        }
        services.AddStorageResource(StorageKind.Table, StoryEntities.KeyTable);
        services.AddStorageResource(StorageKind.Table, TableIdempotencyStore.TableName);
        services.AddSingleton<IStoryStore, TableStoryStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<StoryService>();
        services.AddSingleton<StoryImporter>();
        services.AddSingleton<IPersonalDataHolder, StoryPersonalData>();
        services.AddSingleton<IPersonalDataHolder, StorySourceKeyPersonalData>();
        return services;
    }
}
