namespace SharingHub.Teams;

/// <summary>The few things the hub does in Teams. The Graph implementation is the only code that touches Microsoft.Graph.</summary>
public interface ITeamsChannels
{
    Task<ChannelCheck> CheckChannelAsync(TeamsConnection connection, string teamId, string channelId, CancellationToken ct);

    /// <summary>Posts an HTML chatMessage; returns Graph's message id.</summary>
    Task<string> PostHtmlAsync(TeamsConnection connection, string teamId, string channelId, string html, CancellationToken ct);

    /// <summary>The id of a recent message in the channel whose body contains <paramref name="marker"/>, if any.</summary>
    Task<string?> FindRecentMessageAsync(TeamsConnection connection, string teamId, string channelId, string marker, CancellationToken ct);
}

public enum ChannelCheck
{
    Reachable,
    TeamNotFound,
    ChannelNotFound,
    Forbidden,
}
