namespace SharingHub.Teams;

/// <summary>Used until a real token source is configured: every connection is treated as not granted.</summary>
public sealed class UnconfiguredTokenProvider : ITeamsTokenProvider
{
    public Task<string> GetAccessTokenAsync(TeamsConnection connection, CancellationToken ct) =>
        throw new TeamsAuthException("No Teams sign-in is configured (Teams:ClientId and Teams:TokenCacheKey); connect again with the device-code flow.");
}
