using SharingHub.People;

namespace SharingHub.Teams;

/// <summary>
/// A connection records the account that signed in, and its token cache is that person's grant. Erasing them forgets the
/// account and deletes the cache, so the hub no longer posts in their name: the connection is broken until someone in the
/// municipality connects again.
/// </summary>
public sealed class TeamsConnectionPersonalData(ITeamsConnectionStore store, TeamsConnectionService connections, BlobTokenCacheStore tokenCaches) : IPersonalDataHolder
{
    public const string ErasedReason = "the account that signed in was erased on request; connect the tenant again";

    public string Name => "teamsconnections";

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var changed = 0;
        foreach (var connection in await store.ListAsync(ct))
        {
            if (person.IsAddress(connection.Account))
            {
                await tokenCaches.DeleteAsync(connection.Id, ct);
                await connections.MarkBrokenAsync(connection with { Account = null }, ErasedReason, ct);
                changed++;
            }
        }
        return changed;
    }
}
