using Azure;
using Azure.Data.Tables;
using SharingHub.People;
using SharingHub.Storage;

namespace SharingHub.Stories;

/// <summary>
/// The natural-key table (one row per claimed source id, keyed by its hash) no longer stores the source id itself. Rows
/// written before that kept it in a SourceId column, where an import's title or a feed item's id or link could hold an
/// address or a name: erasure drops that column; the hashed key, and so deduplication, stays as it was.
/// </summary>
public sealed class StorySourceKeyPersonalData(HubStorage storage) : IPersonalDataHolder
{
    public const string LegacySourceIdColumn = "SourceId";

    public string Name => "storykeys";

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var table = storage.Table(StoryEntities.KeyTable);
        var changed = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            if (!person.IsMentionedIn(row.GetString(LegacySourceIdColumn)))
            {
                continue;
            }
            row.Remove(LegacySourceIdColumn);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                changed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Removed or rewritten meanwhile: key rows are only ever added or deleted, never rewritten with the column.
            }
        }
        return changed;
    }
}
