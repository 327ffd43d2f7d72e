using SharingHub.People;

namespace SharingHub.Members;

/// <summary>Erasure reaches members and invitations: every one for the address is deleted (its role goes with it).</summary>
public sealed class MemberPersonalData(IMemberStore store) : IPersonalDataHolder
{
    public string Name => "members";

    public async Task<IReadOnlyCollection<string>> NamesOfAsync(string email, CancellationToken ct) =>
        [.. (await store.ListAsync(ct)).Where(m => string.Equals(m.Email, email.Trim(), StringComparison.OrdinalIgnoreCase) && m.Name is not null).Select(m => m.Name!)];

    public async Task<int> EraseAsync(ErasedPerson person, CancellationToken ct)
    {
        var changed = 0;
        foreach (var member in (await store.ListAsync(ct)).Where(m => person.IsAddress(m.Email)))
        {
            changed += await store.RemoveAsync(member.Id, ct) ? 1 : 0;
        }
        return changed;
    }
}
