namespace SharingHub.Access;

/// <summary>What a caller may do. Secretariat is scoped to networks, subscriber to municipalities; admin may do everything.</summary>
public enum Role
{
    Admin,
    Secretariat,
    Organiser,
    Subscriber,
}

public static class RoleNames
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>
    /// Exactly one role's name (any case): never <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>, which also
    /// takes numbers ("3") and flag combinations ("secretariat, organiser" is 1 | 2 = subscriber).
    /// </summary>
    public static bool TryParse(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(value, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Whether the role is granted per network or municipality (true) or for the whole hub (false).</summary>
    public static bool IsScoped(Role role) => role is Role.Secretariat or Role.Subscriber;
}
