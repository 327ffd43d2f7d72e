using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace SharingHub.Storage;

/// <summary>
/// The <c>Storage</c> section, the same in both hosts: either a connection string (Azurite, local development)
/// or the three service URIs, reached with managed identity (Azure).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Optional: client id of a user-assigned managed identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// <c>Storage:clientId</c>, the Functions host's name for the same thing (its identity-based connection
    /// <c>Storage</c> reads <c>Storage__clientId</c>), so one set of app settings serves the host and the hub.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary><c>Storage:credential</c>, the Functions host's setting: <c>managedidentity</c> means no developer credentials are tried.</summary>
    public string? Credential { get; set; }

    /// <summary>Prefixes every table, container and queue name, so that tests and side-by-side installs stay apart.</summary>
    [RegularExpression("^([a-z][a-z0-9]{0,15})?$", ErrorMessage = "Storage:Prefix must be lowercase letters and digits, starting with a letter, at most 16 characters.")]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Retries of a failed storage call (exponential back-off). Keep the default in production; tests of an outage set 0.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one storage call may take before it counts as failed.</summary>
    [Range(1, 300)]
    public int NetworkTimeoutSeconds { get; set; } = 30;

    /// <summary>Logs every storage request the Azure SDK makes (for diagnosing; it costs CPU on every call).</summary>
    public bool SdkRequestLogging { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public bool IsConfigured => UsesConnectionString || BlobServiceUri is not null || TableServiceUri is not null || QueueServiceUri is not null;

    /// <summary>The user-assigned identity to use, from either name; null for the system-assigned or developer identity.</summary>
    public string? EffectiveClientId => string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? NullIfBlank(ClientId) : ManagedIdentityClientId;

    public bool UsesManagedIdentityOnly => string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase) || EffectiveClientId is not null;

    /// <summary>
    /// Binds the <c>Storage</c> section. Like the Functions host, it also accepts a connection string as the value of
    /// <c>Storage</c> itself (<c>"Storage": "UseDevelopmentStorage=true"</c> in local.settings.json serves both).
    /// </summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = new StorageOptions();
        Apply(configuration, options);
        return options;
    }

    internal static void Apply(IConfiguration configuration, StorageOptions options)
    {
        var section = configuration.GetSection(Section);
        section.Bind(options);
        if (!options.UsesConnectionString && !string.IsNullOrWhiteSpace(section.Value))
        {
            options.ConnectionString = section.Value;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesConnectionString)
        {
            yield break;
        }
        if (!IsConfigured)
        {
            yield return new ValidationResult(
                "Storage is not configured: set Storage:ConnectionString, or Storage:BlobServiceUri, Storage:TableServiceUri and Storage:QueueServiceUri (managed identity).");
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !string.IsNullOrWhiteSpace(ClientId)
            && !string.Equals(ManagedIdentityClientId.Trim(), ClientId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                "Storage:ManagedIdentityClientId and Storage:clientId name different identities: set one, or both to the same client id.",
                [nameof(ManagedIdentityClientId), nameof(ClientId)]);
        }
        if (!string.IsNullOrWhiteSpace(Credential) && !string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Storage:credential must be 'managedidentity' or absent, not '{Credential}'.", [nameof(Credential)]);
        }
        foreach (var (name, uri) in new[] { ("BlobServiceUri", BlobServiceUri), ("TableServiceUri", TableServiceUri), ("QueueServiceUri", QueueServiceUri) })
        {
            if (uri is null)
            {
                yield return new ValidationResult($"Storage:{name} is missing: with service URIs, all three (Blob, Table, Queue) are needed.", [name]);
            }
            else if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            {
                yield return new ValidationResult($"Storage:{name} must use https.", [name]);
            }
        }
    }
}
