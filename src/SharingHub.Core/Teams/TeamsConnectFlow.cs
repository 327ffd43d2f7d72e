using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using SharingHub.Access;
using SharingHub.Common;

namespace SharingHub.Teams;

public sealed record DeviceCodeStart(string FlowId, string UserCode, string VerificationUrl, DateTimeOffset ExpiresAt, string Message);

public sealed record DeviceCodePoll(string FlowId, string Status, TeamsConnection? Connection, string? Error);

/// <param name="Kommunenummer">The municipality the connection is for; may be left out by a subscriber of one municipality (and by admins, for the hub's own).</param>
public sealed record ConnectRequest(string? TenantId, string? Kommunenummer = null);

/// <summary>
/// The OAuth device-code flow: start returns the code the person types at the verification URL; the sign-in waits for
/// the grant in the background; poll tells whether it arrived, and then the connection exists. Flows live in this
/// process. A flow, like the connection it makes, belongs to the municipality it was started for.
/// </summary>
public sealed class TeamsConnectFlow(IOptions<TeamsOptions> options, ITeamsDeviceCodeSignIn signIn, TeamsConnectionService connections, ILogger<TeamsConnectFlow> logger)
{
    private readonly ConcurrentDictionary<string, Flow> flows = new(StringComparer.Ordinal);

    /// <param name="kommunenummer">The owner, already checked against the caller; null for an admin's connection for the hub.</param>
    public async Task<DeviceCodeStart> StartAsync(string? tenantId, string? kommunenummer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ClientId) || string.IsNullOrWhiteSpace(options.Value.TokenCacheKey))
        {
            throw new ConflictException("Teams sign-in is not configured: set Teams:ClientId (the hub's Entra app) and Teams:TokenCacheKey. Without them the hub delivers to its outbox.");
        }
        var errors = new ValidationErrors();
        var tenant = TextRules.Line(errors, "tenantId", tenantId, 100, required: false);
        errors.ThrowIfAny();

        var id = TeamsConnectionService.NewId();
        var codeShown = new TaskCompletionSource<DeviceCode>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flow = new Flow(kommunenummer);
        flow.Completion = Task.Run(async () =>
        {
            try
            {
                var result = await signIn.SignInAsync(id, tenant, code =>
                {
                    codeShown.TrySetResult(code);
                    return Task.CompletedTask;
                }, CancellationToken.None);
                flow.Connection = await connections.RegisterAsync(id, result.TenantId, result.Account, kommunenummer, CancellationToken.None);
            }
            catch (Exception ex)
            {
                flow.Error = ex.Message;
                codeShown.TrySetException(ex);
                logger.LogWarning(ex, "Device-code flow {FlowId} ended without a connection", id);
            }
        }, CancellationToken.None);
        flows[id] = flow;
        DeviceCode shown;
        try
        {
            shown = await codeShown.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch (MsalException ex)
        {
            throw new DependencyUnavailableException("Microsoft Entra ID", ex);
        }
        return flow.Start = new DeviceCodeStart(id, shown.UserCode, shown.VerificationUrl, shown.ExpiresAt, shown.Message);
    }

    /// <summary>A flow of another municipality is answered like one that does not exist.</summary>
    public DeviceCodePoll Poll(string flowId, Caller caller) => Poll(flowId, Find(flowId, caller));

    /// <summary>How the flow stands, and the code it showed (for a page that shows it again until the sign-in is done).</summary>
    public (DeviceCodePoll Poll, DeviceCodeStart? Start) Follow(string flowId, Caller caller)
    {
        var flow = Find(flowId, caller);
        return (Poll(flowId, flow), flow.Start);
    }

    private Flow Find(string flowId, Caller caller) =>
        flows.TryGetValue(flowId, out var flow) && TeamsConnectionService.MayUse(caller, flow.Kommunenummer)
            ? flow
            : throw new NotFoundException("Device-code flow", flowId);

    private static DeviceCodePoll Poll(string flowId, Flow flow) =>
        flow switch
        {
            { Connection: { } connection } => new DeviceCodePoll(flowId, "connected", connection, null),
            { Error: { } error } => new DeviceCodePoll(flowId, "failed", null, error),
            _ => new DeviceCodePoll(flowId, "pending", null, null),
        };

    private sealed class Flow(string? kommunenummer)
    {
        public string? Kommunenummer { get; } = kommunenummer;
        public Task? Completion { get; set; }
        public TeamsConnection? Connection { get; set; }
        public string? Error { get; set; }
        public DeviceCodeStart? Start { get; set; }
    }
}
