using Microsoft.Extensions.Logging;
using SharingHub.Access;
using SharingHub.Common;

namespace SharingHub.Teams;

/// <summary>What a person picks a channel from: the teams the connected account belongs to, and a team's channels.</summary>
/// <param name="Teams">Null when the lists could not be fetched (see <see cref="Unreachable"/>).</param>
/// <param name="Channels">The chosen team's channels; null before a team is chosen, or when they could not be fetched.</param>
public sealed record TeamsChoices(IReadOnlyList<TeamsChoice>? Teams, IReadOnlyList<TeamsChoice>? Channels, bool Unreachable);

/// <summary>
/// Lists teams and channels through a connection the caller may use (its municipality's), so that people pick them by
/// name instead of typing Graph's ids. A connection of another municipality is answered as one that does not exist.
/// </summary>
public sealed class TeamsPicker(TeamsConnectionService connections, ITeamsChannels channels, ILogger<TeamsPicker> logger)
{
    public async Task<TeamsChoices> ListAsync(Caller caller, string connectionId, string? teamId, CancellationToken ct)
    {
        var connection = await connections.FindAsync(connectionId, ct);
        if (connection is null || !TeamsConnectionService.MayUse(caller, connection))
        {
            throw new NotFoundException("Teams connection", connectionId);
        }
        try
        {
            var teams = await channels.ListTeamsAsync(connection, ct);
            var team = teams.FirstOrDefault(t => t.Id == teamId);
            return new TeamsChoices(teams, team is null ? null : await channels.ListChannelsAsync(connection, team.Id, ct), false);
        }
        catch (Exception ex) when (ex is TeamsGraphException or TeamsAuthException)
        {
            logger.LogWarning(ex, "Could not list teams and channels through connection {ConnectionId}", connectionId);
            return new TeamsChoices(null, null, true);
        }
    }
}
