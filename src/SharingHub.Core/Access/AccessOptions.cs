namespace SharingHub.Access;

/// <summary>The "Access" settings.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>The first admin's key (Key Vault in Azure). At least 32 characters; empty means no bootstrap key.</summary>
    public string? BootstrapAdminKey { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    public EntraOptions Entra { get; set; } = new();
}

/// <summary>Fixed windows per caller: per key (or token subject) when authenticated, per IP address otherwise.</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerWindow { get; set; } = 600;

    public int AnonymousPermitsPerWindow { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Microsoft Entra ID bearer tokens. Off unless both are set.</summary>
public sealed class EntraOptions
{
    /// <summary>e.g. https://login.microsoftonline.com/{tenant-id}/v2.0 (its OpenID metadata gives issuer and signing keys).</summary>
    public string? Authority { get; set; }

    /// <summary>The hub's application ID URI or client id, e.g. api://sharinghub.</summary>
    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}
