namespace SharingHub.Access;

/// <summary>The claims both hosts put on <c>HttpContext.User</c>, whichever credential the caller sent.</summary>
public static class HubClaims
{
    public const string AuthenticationType = "SharingHub";

    /// <summary>"apikey:{id}", "bootstrap" or "entra:{object id}": who did it, in the audit.</summary>
    public const string CallerId = "hub:caller";

    /// <summary>One claim per role, value as <see cref="RoleNames.Name"/>.</summary>
    public const string Role = System.Security.Claims.ClaimTypes.Role;

    /// <summary>One claim per scoped grant: "secretariat:trondelag", "subscriber:3203".</summary>
    public const string Scope = "hub:scope";

    public static string ScopeValue(Role role, string scope) => $"{RoleNames.Name(role)}:{scope}";
}
