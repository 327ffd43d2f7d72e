using System.ComponentModel.DataAnnotations;

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
