using Azure.Data.Tables;
using SharingHub.Storage;

namespace SharingHub.SignIn;

/// <summary>One row per session, partition = session id: checking a session on a request is one point read.</summary>
public sealed class TableSignInSessionStore(HubStorage storage) : ISignInSessionStore
{
    public const string TableName = "signinsessions";
    private const string Row = "session";

    private TableClient Table => storage.Table(TableName);

    public Task AddAsync(SignInSession session, CancellationToken ct) => Table.AddEntityAsync(new TableEntity(session.Id, Row)
    {
        ["CallerId"] = session.CallerId,
        ["CreatedAt"] = session.CreatedAt,
        ["ExpiresAt"] = session.ExpiresAt,
        ["Fingerprint"] = session.Fingerprint,
    }, ct);

    public async Task<SignInSession?> GetAsync(string id, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, Row, cancellationToken: ct);
        return row.HasValue
            ? new SignInSession
            {
                Id = id,
                CallerId = row.Value!.GetString("CallerId"),
                CreatedAt = row.Value.GetDateTimeOffset("CreatedAt")!.Value,
                ExpiresAt = row.Value.GetDateTimeOffset("ExpiresAt")!.Value,
                Fingerprint = row.Value.GetString("Fingerprint"),
            }
            : null;
    }

    public Task RemoveAsync(string id, CancellationToken ct) => Table.DeleteEntityAsync(id, Row, cancellationToken: ct);
}
