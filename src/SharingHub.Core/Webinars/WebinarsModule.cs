using Microsoft.Extensions.DependencyInjection;
using SharingHub.Storage;
using SharingHub.Webinars.Assets;
using SharingHub.Webinars.Transcripts;

namespace SharingHub.Webinars;

public static class WebinarsModule
{
    public static IServiceCollection AddWebinars(this IServiceCollection services)
    {
        services.AddOptions<WebinarOptions>().BindConfiguration(WebinarOptions.Section);
        services.AddStorageResource(StorageKind.Table, TableWebinarStore.MainTable);
        services.AddStorageResource(StorageKind.Table, TableWebinarStore.IndexTable);
        services.AddStorageResource(StorageKind.Table, TableAssetStore.AssetTable);
        services.AddStorageResource(StorageKind.Table, TableAssetStore.WatchTable);
        services.AddStorageResource(StorageKind.Container, BlobAssetBlobs.Container);
        services.AddStorageResource(StorageKind.Container, BlobTranscriptStore.Container);
        services.AddStorageResource(StorageKind.Queue, StorageAssetCheckQueue.QueueName);
        services.AddSingleton<IWebinarStore, TableWebinarStore>();
        services.AddSingleton<Digests.IDigestWebinarSource, WebinarDigestSource>();
        // Transcripts first: they find a speaker's name on the episode, which the presentations holder then erases.
        services.AddSingleton<People.IPersonalDataHolder, TranscriptPersonalData>();
        services.AddSingleton<People.IPersonalDataHolder, PresentationPersonalData>();
        services.AddSingleton<IAssetStore, TableAssetStore>();
        services.AddSingleton<IAssetBlobs, BlobAssetBlobs>();
        services.AddSingleton<AssetCheckSignal>();
        services.AddSingleton<StorageAssetCheckQueue>();
        services.AddSingleton<IAssetCheckQueue>(sp => sp.GetRequiredService<StorageAssetCheckQueue>());
        services.AddSingleton<AssetVerifier>();
        services.AddSingleton<ITranscriptStore, BlobTranscriptStore>();
        services.AddSingleton<WebinarService>();
        services.AddSingleton<AssetService>();
        services.AddSingleton<UploadCleanupJob>();
        return services;
    }
}
