namespace SharingHub.Access;

/// <summary>The "Access" settings.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>The first admin's key (Key Vault in Azure). At least 32 characters; empty means no bootstrap key.</summary>
    public string? BootstrapAdminKey { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// How many proxies in front of the hub append to X-Forwarded-For: the client is the entry just before theirs
    /// (<see cref="ClientAddress"/>). Unset: 0 in the self-host (the connection's address), 1 in the Functions app
    /// (docs/operations.md says why, and how to check it after deploying). Add one for each proxy of your own in front
    /// (Front Door, Application Gateway, API Management).
    /// </summary>
    public int? TrustedProxyHops { get; set; }

    public EntraOptions Entra { get; set; } = new();
}

/// <summary>Fixed windows per caller: per key (or token subject) when authenticated, per IP address (IPv6: per /64) otherwise.</summary>
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
