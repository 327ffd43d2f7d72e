namespace SharingHub.Teams;

/// <summary>Hands out a delegated access token for a connection. Throws <see cref="TeamsAuthException"/> when it cannot, for good.</summary>
public interface ITeamsTokenProvider
{
    Task<string> GetAccessTokenAsync(TeamsConnection connection, CancellationToken ct);
}

/// <summary>The connection's grant is gone (refresh failed for good, consent revoked): someone must connect again.</summary>
public sealed class TeamsAuthException(string reason, Exception? inner = null) : Exception(reason, inner);
