namespace SharingHub.Teams;

public interface ITeamsConnectionStore
{
    Task<TeamsConnection?> GetAsync(string id, CancellationToken ct);

    Task SaveAsync(TeamsConnection connection, CancellationToken ct);

    Task<IReadOnlyList<TeamsConnection>> ListAsync(CancellationToken ct);
}
