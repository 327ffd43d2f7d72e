namespace SharingHub.Teams;

/// <summary>The <c>Teams</c> section: where Graph is and which Entra app the device-code connections use.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Graph's base URL with its version. Tests point it at the Graph double.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The hub's Entra app (public client) for the device-code flow. Without it, connections cannot be started.</summary>
    public string? ClientId { get; set; }

    /// <summary>Base64 of 32 random bytes: encrypts the MSAL token caches kept in Blob Storage (from Key Vault in Azure).</summary>
    public string? TokenCacheKey { get; set; }

    public int GraphTimeoutSeconds { get; set; } = 30;

    /// <summary>The delegated scopes a connection grants.</summary>
    public static IReadOnlyList<string> Scopes { get; } =
        ["https://graph.microsoft.com/ChannelMessage.Send", "https://graph.microsoft.com/ChannelMessage.Read.All", "https://graph.microsoft.com/Channel.ReadBasic.All", "https://graph.microsoft.com/Team.ReadBasic.All"];
}
