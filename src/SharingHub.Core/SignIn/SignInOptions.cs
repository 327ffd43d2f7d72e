namespace SharingHub.SignIn;

/// <summary>The "SignIn" settings: signing in to the workspace pages with Entra ID, and the session that follows.</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>How long a session lives without a request; each request within the second half renews it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The longest a session lasts, renewals included: then the person signs in again.</summary>
    public TimeSpan MaxSessionLifetime { get; set; } = TimeSpan.FromHours(24);

    public EntraSignInOptions Entra { get; set; } = new();

    /// <summary>Where the Data Protection keys that encrypt the session cookie are kept and protected.</summary>
    public KeyRingOptions KeyRing { get; set; } = new();
}

/// <summary>"Logg inn med Microsoft": the hub's multi-tenant app registration. Off unless ClientId and ClientSecret are set.</summary>
public sealed class EntraSignInOptions
{
    /// <summary>The issuer's base: multi-tenant sign-in uses the "organizations" endpoint of Entra ID's v2.0.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com/organizations/v2.0";

    /// <summary>The app registration's application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret (Key Vault reference in Azure).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The hub's own tenant: app roles in ID tokens from this tenant grant hub roles, as on the API.</summary>
    public string? HomeTenantId { get; set; }

    /// <summary>Only the tests' local OpenID Connect double runs on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>The Data Protection key ring: a blob in the hub's storage, its keys wrapped by a Key Vault key in Azure.</summary>
public sealed class KeyRingOptions
{
    /// <summary>
    /// The Key Vault key that wraps the key ring (https://{vault}.vault.azure.net/keys/{name}), reached with the hub's
    /// managed identity. Empty: the keys are kept unwrapped in the blob (local development, Azurite).
    /// </summary>
    public string? KeyVaultKeyUri { get; set; }
}
