using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SharingHub.Common;

namespace SharingHub.Access;

/// <summary>
/// Who is calling and what they may do, read from <c>HttpContext.User</c> (set by <see cref="AccessGate"/> in both hosts).
/// Endpoints ask it about the entity at hand: <c>caller.Demand(Role.Secretariat, story.Network)</c>.
/// </summary>
public sealed class Caller
{
    private readonly HashSet<Role> roles;
    private readonly HashSet<string> scopes;

    private Caller(ClaimsPrincipal user)
    {
        IsAuthenticated = user.Identity?.IsAuthenticated == true;
        Id = user.FindFirstValue(HubClaims.CallerId);
        Name = user.FindFirstValue(ClaimTypes.Name);
        roles = [.. user.FindAll(HubClaims.Role).Select(c => RoleNames.TryParse(c.Value, out var r) ? r : (Role?)null).OfType<Role>()];
        scopes = [.. user.FindAll(HubClaims.Scope).Select(c => c.Value)];
    }

    public static Caller Of(HttpContext context) => new(context.User);

    public static Caller Of(HttpRequest request) => Of(request.HttpContext);

    public static Caller Anonymous { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public bool IsAuthenticated { get; }

    public string? Id { get; }

    /// <summary>The key's name or the person's name, for "signed in as".</summary>
    public string? Name { get; }

    public IReadOnlySet<Role> Roles => roles;

    public bool IsAdmin => roles.Contains(Role.Admin);

    /// <summary>The networks or municipalities the caller holds a scoped role for (none for admins, who need none).</summary>
    public IReadOnlyList<string> ScopesOf(Role role)
    {
        var prefix = HubClaims.ScopeValue(role, string.Empty);
        return [.. scopes.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>Has the role at all (any scope), or is admin.</summary>
    public bool Has(Role role) => IsAdmin || roles.Contains(role);

    /// <summary>Has the role for this network or municipality, or is admin.</summary>
    public bool Has(Role role, string scope) =>
        IsAdmin || (roles.Contains(role) && (!RoleNames.IsScoped(role) || scopes.Contains(HubClaims.ScopeValue(role, scope))));

    public void DemandAdmin() => Demand(IsAdmin, "This needs an admin key.");

    public void Demand(Role role) => Demand(Has(role), $"This needs the {RoleNames.Name(role)} role.");

    public void Demand(Role role, string scope) =>
        Demand(Has(role, scope), $"This needs the {RoleNames.Name(role)} role for '{scope}'.");

    /// <summary>401 for an anonymous caller, 403 with <paramref name="detail"/> for a known one that is not <paramref name="allowed"/>.</summary>
    public void Demand(bool allowed, string detail)
    {
        if (!IsAuthenticated)
        {
            throw new UnauthenticatedException("Send an API key in X-Api-Key or an Entra ID bearer token.");
        }
        if (!allowed)
        {
            throw new ForbiddenException(detail);
        }
    }
}
