using Microsoft.Extensions.Logging;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Reference;

namespace SharingHub.Access;

/// <summary>Issues, lists, revokes and rotates API keys, and recognises them on requests.</summary>
public sealed class AccessKeyService(IAccessKeyStore store, NetworkService networks, TimeProvider clock, ILogger<AccessKeyService> logger)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(2 * 365);

    public async Task<IssuedKey> CreateAsync(AccessKeyDraft draft, Caller by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        var name = TextRules.Line(errors, "name", draft.Name, 200);
        Role role = default;
        IReadOnlyList<string> scopes = [];
        if (string.IsNullOrWhiteSpace(draft.Role))
        {
            errors.Add("role", "is required: admin, secretariat, organiser or subscriber");
        }
        else if (!RoleNames.TryParse(draft.Role, out role))
        {
            errors.Add("role", "must be admin, secretariat, organiser or subscriber");
        }
        else
        {
            scopes = await ValidateScopesAsync(errors, role, draft.Scopes, ct);
        }
        var expires = draft.ExpiresAt ?? now + DefaultLifetime;
        if (expires <= now)
        {
            errors.Add("expiresAt", "must be in the future");
        }
        else if (expires > now + MaxLifetime)
        {
            errors.Add("expiresAt", "must be at most two years ahead; rotate the key instead");
        }
        errors.ThrowIfAny();

        var (id, key) = ApiKeyFormat.New();
        var record = new AccessKey
        {
            Id = id,
            Name = name!,
            Role = role,
            Scopes = scopes,
            CreatedAt = now,
            ExpiresAt = expires,
            CreatedBy = by.Id,
        };
        await store.AddAsync(record, ApiKeyFormat.Hash(key), ct);
        logger.LogInformation("API key {KeyId} issued for role {Role} by {CallerId}", id, role, by.Id);
        return new IssuedKey(key, record);
    }

    public Task<IReadOnlyList<AccessKey>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    public async Task<AccessKey> RevokeAsync(string id, CancellationToken ct)
    {
        var revoked = await store.RevokeAsync(KnownId(id), clock.GetUtcNow(), ct) ?? throw new NotFoundException("Key", id);
        logger.LogInformation("API key {KeyId} revoked", id);
        return revoked;
    }

    /// <summary>Issues a new key with the same name, role, scope and lifetime, and revokes the old one at once.</summary>
    public async Task<IssuedKey> RotateAsync(string id, Caller by, CancellationToken ct)
    {
        var found = await store.GetAsync(KnownId(id), ct) ?? throw new NotFoundException("Key", id);
        var old = found.Key;
        var now = clock.GetUtcNow();
        if (!old.IsValidAt(now))
        {
            throw new ConflictException("The key is revoked or expired; issue a new one with POST /api/keys.");
        }
        var lifetime = old.ExpiresAt - old.CreatedAt;
        var (newId, key) = ApiKeyFormat.New();
        var record = old with
        {
            Id = newId,
            CreatedAt = now,
            ExpiresAt = now + (lifetime > MaxLifetime ? MaxLifetime : lifetime),
            RevokedAt = null,
            CreatedBy = by.Id,
            Replaces = old.Id,
        };
        await store.AddAsync(record, ApiKeyFormat.Hash(key), ct);
        await store.RevokeAsync(old.Id, now, ct);
        logger.LogInformation("API key {KeyId} rotated to {NewKeyId}", old.Id, newId);
        return new IssuedKey(key, record);
    }

    /// <summary>The valid key this secret belongs to, or null (unknown, wrong secret, revoked, expired).</summary>
    public async Task<AccessKey?> RecogniseAsync(string presented, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryParseId(presented, out var id) || await store.GetAsync(id, ct) is not { } found)
        {
            return null;
        }
        return ApiKeyFormat.HashesEqual(found.Hash, ApiKeyFormat.Hash(presented)) && found.Key.IsValidAt(clock.GetUtcNow())
            ? found.Key
            : null;
    }

    /// <summary>The key with this id while it is valid (not revoked, not expired), or null: a session made with it ends with it.</summary>
    public async Task<AccessKey?> ValidByIdAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } found && found.Key.IsValidAt(clock.GetUtcNow()) ? found.Key : null;

    internal async Task<IReadOnlyList<string>> ValidateScopesAsync(ValidationErrors errors, Role role, IReadOnlyList<string?>? given, CancellationToken ct)
    {
        var scopes = (given ?? []).Select(s => s?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (!RoleNames.IsScoped(role))
        {
            if (scopes.Count > 0)
            {
                errors.Add("scopes", $"must be empty for the {RoleNames.Name(role)} role");
            }
            return [];
        }
        if (scopes.Count is 0 or > 50)
        {
            errors.Add("scopes", role == Role.Secretariat ? "must list 1 to 50 network ids" : "must list 1 to 50 kommunenummer");
            return [];
        }
        foreach (var (scope, i) in scopes.Select((s, i) => (s, i)))
        {
            var ok = role == Role.Secretariat
                ? scope.Length is > 0 and <= 40 && scope.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && await networks.ExistsAsync(scope, ct)
                : ReferenceData.Instance.MunicipalityByNumber.ContainsKey(scope);
            if (!ok)
            {
                errors.Add($"scopes[{i}]", role == Role.Secretariat ? "is not a registered network" : "is not a kommunenummer");
            }
        }
        return scopes;
    }

    private static string KnownId(string id) =>
        id.Length == 32 && id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)) ? id : throw new NotFoundException("Key", id);
}
