using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SharingHub.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddAzureClients(clients =>
        {
            if (options.UsesConnectionString)
            {
                clients.AddTableServiceClient(options.ConnectionString);
                clients.AddBlobServiceClient(options.ConnectionString);
                clients.AddQueueServiceClient(options.ConnectionString);
            }
            else if (options.IsConfigured)
            {
                if (options.TableServiceUri is not null)
                {
                    clients.AddTableServiceClient(options.TableServiceUri);
                }
                if (options.BlobServiceUri is not null)
                {
                    clients.AddBlobServiceClient(options.BlobServiceUri);
                }
                if (options.QueueServiceUri is not null)
                {
                    clients.AddQueueServiceClient(options.QueueServiceUri);
                }
                clients.UseCredential(CreateCredential(options));
            }
            clients.ConfigureDefaults(d =>
            {
                d.Retry.Mode = RetryMode.Exponential;
                d.Retry.MaxRetries = options.MaxRetries;
                d.Retry.NetworkTimeout = TimeSpan.FromSeconds(options.NetworkTimeoutSeconds);
                // The SDK's per-request log events are formatted for every call once a logger listens, which costs a
                // story write a fifth of its time (bench: stories). Failures still reach the log through ProblemMapper.
                d.Diagnostics.IsLoggingEnabled = options.SdkRequestLogging;
            });
        });
        services.AddSingleton<HubStorage>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>Declares a table, container or queue the feature needs; it is created at start-up.</summary>
    public static IServiceCollection AddStorageResource(this IServiceCollection services, StorageKind kind, string name) =>
        services.AddSingleton(new StorageResource(kind, name));

    private static TokenCredential CreateCredential(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));

    /// <summary>Reports each problem by name, so a host that cannot start says which setting to fix.</summary>
    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var failures = options.Validate(new(options)).Select(r => r.ErrorMessage ?? "invalid").ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
