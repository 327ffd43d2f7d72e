using SharingHub.People;

namespace SharingHub.Feeds;

/// <summary>
/// Poll records name the items that failed (by id, link or title), and a feed item's id or link can hold an address:
/// erasure redacts the person from every poll record's reasons. (The stories the items became are the stories feature's.)
/// </summary>
public sealed class FeedPersonalData(IFeedSourceStore store) : IPersonalDataHolder
{
    public string Name => "feedpolls";

    public Task<int> EraseAsync(ErasedPerson person, CancellationToken ct) =>
        store.RewritePollsAsync(poll => poll with
        {
            Error = person.Redact(poll.Error),
            ItemErrors = [.. poll.ItemErrors.Select(e => person.Redact(e)!)],
        }, ct);
}
