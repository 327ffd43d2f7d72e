using SharingHub.SelfHost.Azurite;
using SharingHub.Storage;

namespace SharingHub.SelfHost;

/// <summary>With no storage configured, the self-host runs its own Azurite and keeps the data in .azurite/ in the repository.</summary>
internal static class LocalStorage
{
    public static async Task<AzuriteProcess?> StartIfUnconfiguredAsync(WebApplicationBuilder builder, CancellationToken ct)
    {
        var options = StorageOptions.Read(builder.Configuration);
        if (options.IsConfigured)
        {
            return null;
        }
        var azuriteDir = builder.Configuration["Azurite:Directory"] ?? AzuriteInstall.FindDirectory();
        var dataDir = builder.Configuration["Azurite:DataDirectory"] ?? Path.GetFullPath(Path.Combine(azuriteDir, "..", "..", ".azurite"));
        var azurite = await AzuriteProcess.StartAsync(dataDir, ct, azuriteDir);
        builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString;
        Console.WriteLine($"No storage configured: started Azurite (blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}), data in {dataDir}");
        return azurite;
    }
}
