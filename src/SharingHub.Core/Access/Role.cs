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

    public static bool TryParse(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);

    /// <summary>Whether the role is granted per network or municipality (true) or for the whole hub (false).</summary>
    public static bool IsScoped(Role role) => role is Role.Secretariat or Role.Subscriber;
}
