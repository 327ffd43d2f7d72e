using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common;
using SharingHub.Moderation;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Stories;

namespace SharingHub.Workspace.Secretariat;

/// <summary>
/// /arbeid/moderering: a network's queue, as GET /api/moderation gives it; accept (with the suggestions ticked) and reject with
/// a reason, as POST /api/moderation/{id}/approve and /reject do. "Approve with edits" opens the story form (?godkjenn=1).
/// </summary>
public static class ModerationWorkspaceEndpoints
{
    public const string ApproveAction = "approve";
    public const string RejectAction = "reject";

    public static async Task<IResult> Queue(HttpRequest request, ModerationService moderation, NetworkService networks, CancellationToken ct)
    {
        var (caller, choices, network) = await SecretariatNetworks.ChosenAsync(request, networks, ct);
        return await ViewAsync(request, moderation, caller, choices, network, FieldErrors.None, WorkspaceLinks.DoneNotice(request), null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> Decide(HttpRequest request, string id, ModerationService moderation, StoryService stories, NetworkService networks, CancellationToken ct)
    {
        var (caller, story) = await StoryWorkspaceEndpoints.StoryOfSecretariatAsync(request, id, stories, ct);
        if (story is null)
        {
            return Page.NotFound(request);
        }
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var version = int.TryParse(posted["version"], out var v) && v > 0 ? v : (int?)null;
        var who = ModerationEndpoints.Who(request);
        var text = Page.Text(request).Workspace.Secretariat;
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        var action = posted["action"].ToString();
        try
        {
            if (action == RejectAction)
            {
                await moderation.RejectAsync(id, posted["reason"], who, version, ct);
            }
            else
            {
                await moderation.ApproveAsync(id, new ApproveRequest(null, [.. posted["accept"]]), who, version, ct);
            }
            AuditContext.SetEntity(request.HttpContext, "stories/" + id);
            return WorkspaceResults.SeeOther(WorkspaceLinks.Done(QueueUrl(story.Network), action == RejectAction ? RejectAction : ApproveAction));
        }
        catch (ValidationFailedException failed)
        {
            var errors = FieldErrors.From(failed.Errors, text, key => ReasonKey(id, key));
            return await ViewAsync(request, moderation, caller, choices, story.Network, errors, null, null, StatusCodes.Status400BadRequest, ct);
        }
        catch (Exception e) when (e is ConflictException or PreconditionFailedException)
        {
            return await ViewAsync(request, moderation, caller, choices, story.Network, FieldErrors.None, null, text.NotAllowedNow, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The field of one story's form in the queue: "reason-{id}" for its reason, "accept-{id}" for anything else.</summary>
    public static string ReasonKey(string id, string field) => (field == "reason" ? "reason-" : "accept-") + id;

    public static string QueueUrl(string network) => WorkspaceLinks.Moderation + "?network=" + Uri.EscapeDataString(network);

    private static async Task<IResult> ViewAsync(HttpRequest request, ModerationService moderation, Caller caller, IReadOnlyList<KeyValuePair<string, string>> choices,
        string? network, FieldErrors errors, string? notice, string? problem, int status, CancellationToken ct)
    {
        caller.Demand(network is not null && caller.Has(Role.Secretariat, network), "The moderation queue is per network: choose one of yours.");
        var queue = await moderation.QueueAsync(network!, ct);
        var text = Page.Text(request).Workspace.Secretariat;
        return Page.Render<ModerationPage>(new ModerationView(WorkspacePage.Frame(request, text.ModerationTitle), choices, network!, queue, errors)
        {
            Notice = notice,
            Problem = problem,
        }, status);
    }
}

public sealed record ModerationView(
    WorkspaceFrame Frame,
    IReadOnlyList<KeyValuePair<string, string>> Networks,
    string Network,
    IReadOnlyList<Story> Queue,
    FieldErrors Errors)
{
    public string? Notice { get; init; }

    public string? Problem { get; init; }
}
