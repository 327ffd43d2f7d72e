using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SharingHub.Teams;

/// <summary>
/// Delegated tokens from MSAL: one public client per connection, its token cache loaded from and saved to an encrypted
/// blob around every access. MSAL refreshes silently; when it needs the user again (refresh token expired or revoked),
/// that is final for the connection.
/// </summary>
public sealed class MsalTeamsTokenProvider(IOptions<TeamsOptions> options, BlobTokenCacheStore caches) : ITeamsTokenProvider, ITeamsDeviceCodeSignIn
{
    public async Task<DeviceSignIn> SignInAsync(string connectionId, string? tenantId, Func<DeviceCode, Task> show, CancellationToken ct)
    {
        var app = CreateApplication(connectionId, tenantId);
        var result = await app.AcquireTokenWithDeviceCode(TeamsOptions.Scopes,
            code => show(new DeviceCode(code.UserCode, code.VerificationUrl, code.ExpiresOn, code.Message))).ExecuteAsync(ct);
        return new DeviceSignIn(result.TenantId, result.Account?.Username);
    }

    public async Task<string> GetAccessTokenAsync(TeamsConnection connection, CancellationToken ct)
    {
        var app = CreateApplication(connection.Id, connection.TenantId);
        var account = (await app.GetAccountsAsync()).FirstOrDefault()
            ?? throw new TeamsAuthException("The connection's token cache holds no account; connect again with the device-code flow.");
        try
        {
            var result = await app.AcquireTokenSilent(TeamsOptions.Scopes, account).ExecuteAsync(ct);
            return result.AccessToken;
        }
        catch (MsalUiRequiredException ex)
        {
            throw new TeamsAuthException($"Sign-in is needed again ({ex.ErrorCode}): {ex.Message}", ex);
        }
    }

    /// <summary>A public client whose token cache is the connection's encrypted blob.</summary>
    public IPublicClientApplication CreateApplication(string connectionId, string? tenantId)
    {
        var clientId = options.Value.ClientId ?? throw new TeamsAuthException("Teams:ClientId is not configured.");
        var app = PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority(AzureCloudInstance.AzurePublic, string.IsNullOrEmpty(tenantId) ? "organizations" : tenantId)
            .Build();
        app.UserTokenCache.SetBeforeAccessAsync(async args =>
        {
            var bytes = await caches.LoadAsync(connectionId, args.CancellationToken);
            args.TokenCache.DeserializeMsalV3(bytes, shouldClearExistingCache: true);
        });
        app.UserTokenCache.SetAfterAccessAsync(async args =>
        {
            if (args.HasStateChanged)
            {
                await caches.SaveAsync(connectionId, args.TokenCache.SerializeMsalV3(), args.CancellationToken);
            }
        });
        return app;
    }
}
