using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SharingHub.Pages;
using SharingHub.Storage;

namespace SharingHub.SelfHost;

/// <summary>
/// Once the self-host listens, lets its pages upload to the storage emulator from the browser: a Blob Storage CORS rule
/// (<see cref="BlobCors"/>) for the addresses it serves and <c>Pages:PublicBaseUrl</c>. Only for Azurite (the one the
/// self-host starts, or the tests'): a real account gets its rule from infra/main.bicep.
/// </summary>
internal sealed class AzuriteCors(
    HubStorage storage,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<StorageOptions> storageOptions,
    IOptions<PageOptions> pageOptions,
    ILogger<AzuriteCors> logger) : BackgroundService
{
    private readonly TaskCompletionSource applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done when the rule is in place (or there was nothing to do): the browser tests wait for it.</summary>
    public Task Applied => applied.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            var origins = Origins();
            if (IsEmulator(storageOptions.Value.ConnectionString) && origins.Count > 0)
            {
                await BlobCors.AllowAsync(storage.BlobService, origins, stoppingToken);
                logger.LogInformation("Blob Storage CORS allows browser uploads from {Origins}", string.Join(", ", origins));
            }
            applied.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not set the emulator's CORS rule; uploads from the browser will be refused");
            applied.TrySetException(ex);
        }
    }

    private List<string> Origins()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var origins = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri.GetLeftPart(UriPartial.Authority)
                : null)
            .OfType<string>()
            .ToList();
        if (pageOptions.Value.BaseUrl is { } baseUrl)
        {
            origins.Add(new Uri(baseUrl).GetLeftPart(UriPartial.Authority));
        }
        return [.. origins.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Azurite's well-known account (or the development storage shortcut), never a real storage account.</summary>
    private static bool IsEmulator(string? connectionString) =>
        connectionString is not null &&
        (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ||
         connectionString.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));
}

internal static class AzuriteCorsExtensions
{
    /// <summary>
    /// <paramref name="enabled"/> is <c>Storage:EmulatorCors</c>: false where something else owns the emulator's CORS
    /// rules, such as hubs that share one Azurite and would otherwise overwrite each other's rule (Blob service
    /// properties are written whole, with no ETag to catch a concurrent write).
    /// </summary>
    public static IServiceCollection AddAzuriteCors(this IServiceCollection services, bool enabled)
    {
        if (!enabled)
        {
            return services;
        }
        services.AddSingleton<AzuriteCors>();
        services.AddHostedService(sp => sp.GetRequiredService<AzuriteCors>());
        return services;
    }
}
