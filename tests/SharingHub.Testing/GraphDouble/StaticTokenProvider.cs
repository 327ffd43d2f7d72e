using SharingHub.Teams;

namespace SharingHub.Testing.GraphDouble;

/// <summary>Hands every connection the same token (the Graph double accepts any bearer token); can be told to fail.</summary>
public sealed class StaticTokenProvider : ITeamsTokenProvider
{
    public string? FailWith { get; set; }

    public Task<string> GetAccessTokenAsync(TeamsConnection connection, CancellationToken ct) =>
        FailWith is { } reason ? throw new TeamsAuthException(reason) : Task.FromResult($"token-for-{connection.Id}");
}
