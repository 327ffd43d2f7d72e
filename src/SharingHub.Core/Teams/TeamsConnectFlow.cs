using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using SharingHub.Common;

namespace SharingHub.Teams;

public sealed record DeviceCodeStart(string FlowId, string UserCode, string VerificationUrl, DateTimeOffset ExpiresAt, string Message);

public sealed record DeviceCodePoll(string FlowId, string Status, TeamsConnection? Connection, string? Error);

public sealed record ConnectRequest(string? TenantId);

/// <summary>
/// The OAuth device-code flow: start returns the code the person types at the verification URL; MSAL polls Entra in
/// the background; poll tells whether the grant arrived, and then the connection exists. Flows live in this process.
/// </summary>
public sealed class TeamsConnectFlow(IOptions<TeamsOptions> options, MsalTeamsTokenProvider msal, TeamsConnectionService connections, ILogger<TeamsConnectFlow> logger)
{
    private readonly ConcurrentDictionary<string, Flow> flows = new(StringComparer.Ordinal);

    public async Task<DeviceCodeStart> StartAsync(string? tenantId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ClientId) || string.IsNullOrWhiteSpace(options.Value.TokenCacheKey))
        {
            throw new ConflictException("Teams sign-in is not configured: set Teams:ClientId (the hub's Entra app) and Teams:TokenCacheKey. Without them the hub delivers to its outbox.");
        }
        var errors = new ValidationErrors();
        var tenant = TextRules.Line(errors, "tenantId", tenantId, 100, required: false);
        errors.ThrowIfAny();

        var id = TeamsConnectionService.NewId();
        var codeShown = new TaskCompletionSource<DeviceCodeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = msal.CreateApplication(id, tenant);
        var flow = new Flow();
        flow.Completion = Task.Run(async () =>
        {
            try
            {
                var result = await app.AcquireTokenWithDeviceCode(TeamsOptions.Scopes, code =>
                {
                    codeShown.TrySetResult(code);
                    return Task.CompletedTask;
                }).ExecuteAsync(CancellationToken.None);
                flow.Connection = await connections.RegisterAsync(id, result.TenantId, result.Account?.Username, CancellationToken.None);
            }
            catch (Exception ex)
            {
                flow.Error = ex.Message;
                codeShown.TrySetException(ex);
                logger.LogWarning(ex, "Device-code flow {FlowId} ended without a connection", id);
            }
        }, CancellationToken.None);
        flows[id] = flow;
        DeviceCodeResult shown;
        try
        {
            shown = await codeShown.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch (MsalException ex)
        {
            throw new DependencyUnavailableException("Microsoft Entra ID", ex);
        }
        return new DeviceCodeStart(id, shown.UserCode, shown.VerificationUrl, shown.ExpiresOn, shown.Message);
    }

    public DeviceCodePoll Poll(string flowId)
    {
        if (!flows.TryGetValue(flowId, out var flow))
        {
            throw new NotFoundException("Device-code flow", flowId);
        }
        return flow switch
        {
            { Connection: { } connection } => new DeviceCodePoll(flowId, "connected", connection, null),
            { Error: { } error } => new DeviceCodePoll(flowId, "failed", null, error),
            _ => new DeviceCodePoll(flowId, "pending", null, null),
        };
    }

    private sealed class Flow
    {
        public Task? Completion { get; set; }
        public TeamsConnection? Connection { get; set; }
        public string? Error { get; set; }
    }
}
