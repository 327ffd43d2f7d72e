namespace SharingHub.Teams;

/// <summary>What a person types, and where, to grant the hub's app its delegated scopes.</summary>
public sealed record DeviceCode(string UserCode, string VerificationUrl, DateTimeOffset ExpiresAt, string Message);

/// <summary>Who granted it: the tenant and the account that signed in.</summary>
public sealed record DeviceSignIn(string TenantId, string? Account);

/// <summary>
/// The OAuth device-code grant for one connection (MSAL against Microsoft Entra ID in the hub): shows the code through
/// <c>show</c>, then waits until the person has signed in, and keeps the tokens in the connection's cache.
/// </summary>
public interface ITeamsDeviceCodeSignIn
{
    Task<DeviceSignIn> SignInAsync(string connectionId, string? tenantId, Func<DeviceCode, Task> show, CancellationToken ct);
}
