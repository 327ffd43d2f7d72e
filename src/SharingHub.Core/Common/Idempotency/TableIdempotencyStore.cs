using Azure;
using Azure.Data.Tables;
using SharingHub.Storage;

namespace SharingHub.Common.Idempotency;

public sealed class TableIdempotencyStore(HubStorage storage, TimeProvider clock) : IIdempotencyStore
{
    public const string TableName = "idempotency";

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, string resourceId, CancellationToken ct)
    {
        var table = storage.Table(TableName);
        var partition = Hashing.Sha256Hex($"{scope}\n{key}");
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, "-")
            {
                ["ResourceId"] = resourceId,
                ["RequestHash"] = requestHash,
                ["ClaimedAt"] = clock.GetUtcNow(),
            }, ct);
            return new IdempotencyClaim(true, resourceId, requestHash);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(partition, "-", cancellationToken: ct)).Value;
            return new IdempotencyClaim(false, existing.GetString("ResourceId"), existing.GetString("RequestHash"));
        }
    }
}
