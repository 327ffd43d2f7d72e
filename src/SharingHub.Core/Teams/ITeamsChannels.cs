namespace SharingHub.Teams;

/// <summary>The few things the hub does in Teams. The Graph implementation is the only code that touches Microsoft.Graph.</summary>
public interface ITeamsChannels
{
    Task<ChannelCheck> CheckChannelAsync(TeamsConnection connection, string teamId, string channelId, CancellationToken ct);

    /// <summary>Posts an HTML chatMessage; returns Graph's message id.</summary>
    Task<string> PostHtmlAsync(TeamsConnection connection, string teamId, string channelId, string html, CancellationToken ct);

    /// <summary>The id of a recent message in the channel whose body contains <paramref name="marker"/>, if any.</summary>
    Task<string?> FindRecentMessageAsync(TeamsConnection connection, string teamId, string channelId, string marker, CancellationToken ct);

    /// <summary>The teams the connected account is a member of (what it can post to), by name.</summary>
    Task<IReadOnlyList<TeamsChoice>> ListTeamsAsync(TeamsConnection connection, CancellationToken ct);

    /// <summary>A team's channels, by name.</summary>
    Task<IReadOnlyList<TeamsChoice>> ListChannelsAsync(TeamsConnection connection, string teamId, CancellationToken ct);
}

/// <summary>A team or a channel as a person picks it: Graph's id and the name Teams shows.</summary>
public sealed record TeamsChoice(string Id, string Name);

public enum ChannelCheck
{
    Reachable,
    TeamNotFound,
    ChannelNotFound,
    Forbidden,
}
