using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Teams;
using SharingHub.Workspace;

namespace SharingHub.Subscriptions.Pages;

/// <summary>
/// /arbeid/teams: the caller's Teams connections, and connecting a tenant with the device-code flow of the API's
/// <see cref="TeamsEndpoints.StartConnection"/> (the code and link shown on a page that is checked again until the
/// person has signed in). The team and channel are then picked by name in the subscription form.
/// </summary>
public static class TeamsPageEndpoints
{
    public static string FlowPath(string flowId) => $"{SubscriberPages.Teams}/innlogging/{Uri.EscapeDataString(flowId)}";

    public static async Task<IResult> Show(HttpRequest request, TeamsConnectionService connections, CancellationToken ct) =>
        await RenderAsync(request, connections, new TeamsConnectForm(string.Empty, string.Empty), null, null, StatusCodes.Status200OK, ct);

    public static async Task<IResult> Connect(HttpRequest request, TeamsConnectFlow flow, TeamsConnectionService connections, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var fields = await WorkspaceForms.ReadAsync(request, ct);
        var form = new TeamsConnectForm(Field(fields, "kommunenummer"), Field(fields, "tenant"));
        try
        {
            var started = await flow.StartAsync(form.TenantId, TeamsEndpoints.Owner(caller, form.Kommunenummer), ct);
            return SubscriberPages.SeeOther(request, FlowPath(started.FlowId));
        }
        catch (ValidationFailedException ex)
        {
            var errors = ex.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value));
            return await RenderAsync(request, connections, form, errors, null, StatusCodes.Status400BadRequest, ct);
        }
        catch (ConflictException)
        {
            var notice = new PageNotice(SubscriberPages.Text(request).NotConfigured, IsError: true);
            return await RenderAsync(request, connections, form, null, notice, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The device code and where to type it, until the sign-in is done; then the new connection.</summary>
    public static IResult Flow(HttpRequest request, string flowId, TeamsConnectFlow flow)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var (poll, start) = flow.Follow(flowId, caller);
        var t = SubscriberPages.Text(request);
        return Page.Render<TeamsFlowPage>(new TeamsFlowView(WorkspacePage.Frame(request, t.FlowTitle), poll, start, FlowPath(flowId)));
    }

    private static string Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString().Trim() : string.Empty;

    private static async Task<IResult> RenderAsync(
        HttpRequest request, TeamsConnectionService connections, TeamsConnectForm form, IReadOnlyDictionary<string, string>? errors, PageNotice? notice, int status, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var t = SubscriberPages.Text(request);
        var view = new TeamsPageView(
            WorkspacePage.Frame(request, t.TeamsTitle),
            await connections.ListForAsync(caller, ct),
            SubscriberPages.MunicipalitiesOf(caller),
            form,
            errors ?? new Dictionary<string, string>(),
            notice);
        return Page.Render<TeamsPage>(view, status);
    }
}

public sealed record TeamsConnectForm(string Kommunenummer, string TenantId);

public sealed record TeamsPageView(
    WorkspaceFrame Frame,
    IReadOnlyList<TeamsConnection> Connections,
    IReadOnlyList<Reference.Municipality> Municipalities,
    TeamsConnectForm Form,
    IReadOnlyDictionary<string, string> Errors,
    PageNotice? Notice);

public sealed record TeamsFlowView(WorkspaceFrame Frame, DeviceCodePoll Poll, DeviceCodeStart? Start, string Path);
