using System.ComponentModel.DataAnnotations;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
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
            .Configure(o => StorageOptions.Apply(configuration, o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        var options = StorageOptions.Read(configuration);
        var problems = StorageOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            // Hosts resolve their hosted services (and so these clients) before they validate options: without this, a
            // missing setting would surface as an unrelated DI or SDK error instead of the message that names it.
            services.AddSingleton<TableServiceClient>(_ => throw Invalid(problems));
            services.AddSingleton<BlobServiceClient>(_ => throw Invalid(problems));
            services.AddSingleton<QueueServiceClient>(_ => throw Invalid(problems));
        }
        else
        {
            AddClients(services, options);
        }
        services.AddSingleton<HubStorage>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    private static OptionsValidationException Invalid(IReadOnlyList<string> problems) =>
        new(Options.DefaultName, typeof(StorageOptions), problems);

    private static void AddClients(IServiceCollection services, StorageOptions options)
    {
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
    }

    /// <summary>Declares a table, container or queue the feature needs; it is created at start-up.</summary>
    public static IServiceCollection AddStorageResource(this IServiceCollection services, StorageKind kind, string name) =>
        services.AddSingleton(new StorageResource(kind, name));

    /// <summary>The managed identity (or developer credential) the hub reaches Azure with: storage, and Key Vault for the key ring.</summary>
    internal static TokenCredential CreateCredential(StorageOptions options) => options switch
    {
        { EffectiveClientId: { } clientId } => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)),
        { UsesManagedIdentityOnly: true } => new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        _ => new DefaultAzureCredential(),
    };

    /// <summary>Reports each problem by name, so a host that cannot start says which setting to fix.</summary>
    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var failures = options.Validate(new(options)).Select(r => r.ErrorMessage ?? "invalid").ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>Every problem with the settings: the data annotations (Prefix) and the rules in <see cref="StorageOptions.Validate"/>.</summary>
        public static IReadOnlyList<string> Problems(StorageOptions options)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            return results.Select(r => r.ErrorMessage ?? "invalid").Distinct().ToList();
        }
    }
}
