using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SharingHub.Storage;

/// <summary>Creates every registered table, container and queue before the host serves requests.</summary>
public sealed class StorageInitializer(HubStorage storage, IEnumerable<StorageResource> resources, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in resources.Distinct())
        {
            try
            {
                await CreateAsync(resource, cancellationToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException)
            {
                // In Azure the Bicep template creates them; a missing permission to create is not fatal if they exist.
                // Unreachable storage is not fatal either: the host starts and answers 503 until storage is back.
                logger.LogWarning(ex, "Could not create {Kind} {Name}", resource.Kind, resource.Name);
            }
        }
        logger.LogInformation("Storage ready: {Count} tables, containers and queues", resources.Distinct().Count());
    }

    private Task CreateAsync(StorageResource resource, CancellationToken ct) => resource.Kind switch
    {
        StorageKind.Table => storage.Table(resource.Name).CreateIfNotExistsAsync(ct),
        StorageKind.Container => storage.Container(resource.Name).CreateIfNotExistsAsync(cancellationToken: ct),
        StorageKind.Queue => storage.Queue(resource.Name).CreateIfNotExistsAsync(cancellationToken: ct),
        _ => Task.CompletedTask,
    };

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
