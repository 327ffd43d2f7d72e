using System.Globalization;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common;
using SharingHub.Feeds;
using SharingHub.Networks;
using SharingHub.Pages;

namespace SharingHub.Workspace.Secretariat;

/// <summary>/arbeid/kilder: a network's feed sources (add, remove, poll now) and each one's poll log, as /api/networks/{id}/sources does.</summary>
public static class SourcesWorkspaceEndpoints
{
    public const int PollLogSize = 10;
    public const string AddAction = "add";
    public const string RemoveAction = "remove";
    public const string PollAction = "poll";

    public static async Task<IResult> List(HttpRequest request, FeedSourceService sources, NetworkService networks, CancellationToken ct)
    {
        var (caller, choices, network) = await SecretariatNetworks.ChosenAsync(request, networks, ct);
        return await ViewAsync(request, sources, caller, choices, network, new SourceForm(null, null, null), FieldErrors.None,
            WorkspaceLinks.DoneNotice(request), null, StatusCodes.Status200OK, ct);
    }

    /// <summary>POST /arbeid/kilder: adds a source to the network named in the form.</summary>
    public static async Task<IResult> Add(HttpRequest request, FeedSourceService sources, NetworkService networks, CancellationToken ct)
    {
        var (caller, network, posted) = await ReadAsync(request, ct);
        var form = new SourceForm(posted["url"], posted["name"], posted["intervalMinutes"]);
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        var text = Page.Text(request).Workspace.Secretariat;
        FieldErrors errors;
        try
        {
            if (!string.IsNullOrWhiteSpace(form.Interval) && !int.TryParse(form.Interval, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw ValidationFailedException.For("intervalMinutes", "must be a whole number of minutes");
            }
            var interval = string.IsNullOrWhiteSpace(form.Interval) ? (int?)null : int.Parse(form.Interval, CultureInfo.InvariantCulture);
            await sources.CreateAsync(network, new FeedSourceDraft(form.Url, string.IsNullOrWhiteSpace(form.Name) ? null : form.Name, interval), ct);
            AuditContext.SetEntity(request.HttpContext, $"networks/{network}/sources");
            return WorkspaceResults.SeeOther(WorkspaceLinks.Done(SourcesUrl(network), AddAction));
        }
        catch (ValidationFailedException failed)
        {
            errors = FieldErrors.From(failed.Errors, text);
        }
        catch (ConflictException conflict)
        {
            errors = FieldErrors.For("url", conflict.Message.Contains("already has this feed", StringComparison.Ordinal) ? text.ErrorSourceDuplicate : text.ErrorTooManySources);
        }
        return await ViewAsync(request, sources, caller, choices, network, form, errors, null, null, StatusCodes.Status400BadRequest, ct);
    }

    /// <summary>POST /arbeid/kilder/{sid}: "Hent nå" (at most once a minute, as the API allows) or "Fjern".</summary>
    public static async Task<IResult> Act(HttpRequest request, string sid, FeedSourceService sources, FeedPoller poller, NetworkService networks, CancellationToken ct)
    {
        var (caller, network, posted) = await ReadAsync(request, ct);
        var action = posted["action"] == RemoveAction ? RemoveAction : PollAction;
        try
        {
            if (action == RemoveAction)
            {
                await sources.DeleteAsync(network, sid, null, ct);
            }
            else
            {
                await poller.PollAsync(await sources.ClaimPollNowAsync(network, sid, ct), ct);
            }
            AuditContext.SetEntity(request.HttpContext, $"networks/{network}/sources/{sid}");
            return WorkspaceResults.SeeOther(WorkspaceLinks.Done(SourcesUrl(network), action));
        }
        catch (NotFoundException)
        {
            return Page.NotFound(request);
        }
        catch (TooManyRequestsException tooSoon)
        {
            var text = Page.Text(request).Workspace.Secretariat;
            var seconds = Math.Max(1, (int)Math.Ceiling(tooSoon.RetryAfter.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return await ViewAsync(request, sources, caller, await SecretariatNetworks.ChoicesAsync(caller, networks, ct), network, new SourceForm(null, null, null),
                FieldErrors.None, null, string.Format(CultureInfo.InvariantCulture, text.PollTooSoon, seconds), StatusCodes.Status429TooManyRequests, ct);
        }
    }

    public static string SourcesUrl(string network) => WorkspaceLinks.Sources + "?network=" + Uri.EscapeDataString(network);

    /// <summary>Role first, then the form (its token checked), then the network it names, as the API demands.</summary>
    private static async Task<(Caller Caller, string Network, IFormCollection Posted)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var network = posted["network"].ToString().Trim();
        caller.Demand(network.Length > 0 && caller.Has(Role.Secretariat, network), $"This needs the secretariat role for '{network}'.");
        return (caller, network, posted);
    }

    private static async Task<IResult> ViewAsync(HttpRequest request, FeedSourceService sources, Caller caller, IReadOnlyList<KeyValuePair<string, string>> choices,
        string? network, SourceForm form, FieldErrors errors, string? notice, string? problem, int status, CancellationToken ct)
    {
        caller.Demand(network is not null && caller.Has(Role.Secretariat, network), "Feed sources are per network: choose one of yours.");
        var list = await sources.ListAsync(network!, ct);
        var withPolls = new List<(FeedSource, IReadOnlyList<FeedPoll>)>();
        foreach (var source in list)
        {
            withPolls.Add((source, await sources.PollsAsync(network!, source.Id, PollLogSize, ct)));
        }
        var text = Page.Text(request).Workspace.Secretariat;
        return Page.Render<SourcesPage>(new SourcesView(WorkspacePage.Frame(request, text.SourcesTitle), choices, network!, withPolls, form, errors)
        {
            Notice = notice,
            Problem = problem,
        }, status);
    }
}

/// <summary>The "add a source" form as typed.</summary>
public sealed record SourceForm(string? Url, string? Name, string? Interval);

public sealed record SourcesView(
    WorkspaceFrame Frame,
    IReadOnlyList<KeyValuePair<string, string>> Networks,
    string Network,
    IReadOnlyList<(FeedSource Source, IReadOnlyList<FeedPoll> Polls)> Sources,
    SourceForm Form,
    FieldErrors Errors)
{
    public string? Notice { get; init; }

    public string? Problem { get; init; }
}
