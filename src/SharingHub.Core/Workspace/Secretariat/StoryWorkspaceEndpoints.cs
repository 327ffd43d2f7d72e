using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Audit;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Moderation;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Stories;

namespace SharingHub.Workspace.Secretariat;

/// <summary>
/// The secretariat's story pages: the list in every status, and the story form. Each action is the same core call the API
/// makes (<see cref="StoryEndpoints"/>, <see cref="ModerationEndpoints"/>), with the same role and network checks.
/// </summary>
public static class StoryWorkspaceEndpoints
{
    /// <summary>Stories per status on the overview (all statuses at once); a status of its own is paged by this many.</summary>
    public const int SectionSize = 5;
    public const int PageSize = 20;

    /// <summary>GET /arbeid/historier?status=&amp;network=&amp;continuationToken=: the caller's networks' stories in every status.</summary>
    public static async Task<IResult> List(HttpRequest request, StoryService stories, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        var filter = StoryListFilter.From(request.Query, caller, choices);
        if (filter.Network is null)
        {
            caller.Demand(caller.IsAdmin, "Stories that are not published are listed per network: add network=<one of your networks>.");
        }
        else
        {
            caller.Demand(Role.Secretariat, filter.Network);
        }

        var sections = new List<StatusSection>();
        string? next = null;
        foreach (var status in filter.Status is { } one ? [one] : Enum.GetValues<StoryStatus>())
        {
            var single = filter.Status is not null;
            var page = await stories.ListAsync(new StoryQuery
            {
                Status = status,
                Network = filter.Network,
                Limit = single ? PageSize : SectionSize,
                ContinuationToken = single ? filter.ContinuationToken : null,
            }, ct);
            sections.Add(new StatusSection(status, page.Items, !single && page.ContinuationToken is not null ? filter.With(status).Url() : null));
            next = single && page.ContinuationToken is { } token ? filter.Url(token) : null;
        }
        var text = Page.Text(request).Workspace.Secretariat;
        return Page.Render<StoryWorkspaceListPage>(new StoryWorkspaceListView(
            WorkspacePage.Frame(request, text.StoriesTitle), filter, choices, sections, next,
            filter.ContinuationToken is not null ? filter.Url() : null));
    }

    /// <summary>GET /arbeid/historier/ny: an empty form ("Ny historie"), the network chosen when the caller has one.</summary>
    public static async Task<IResult> New(HttpRequest request, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        return Form(request, StoryForm.New(choices.Count == 1 ? choices[0].Key : null), FieldErrors.None, null, choices);
    }

    /// <summary>POST /arbeid/historier/ny: creates the story as POST /api/stories does (a draft), and submits it when asked.</summary>
    public static async Task<IResult> Create(HttpRequest request, StoryService stories, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var form = StoryForm.From(posted);
        var action = posted["action"].ToString();
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        if (action == StoryActions.Rows)
        {
            return Form(request, form.WithMoreRows(), FieldErrors.None, null, choices);
        }
        var draft = form.ToDraft();
        if (!string.IsNullOrWhiteSpace(draft.Network))
        {
            caller.Demand(Role.Secretariat, draft.Network.Trim());
        }
        var text = Page.Text(request).Workspace.Secretariat;
        try
        {
            Story story;
            try
            {
                (story, _) = await stories.CreateAsync(draft, form.FormId, ct);
            }
            catch (UnprocessableException)
            {
                // The same form sent again with other content (back, edit, save): a new story, as the person meant.
                (story, _) = await stories.CreateAsync(draft, null, ct);
            }
            if (action == StoryActions.Submit && story.Status == StoryStatus.Draft)
            {
                story = await stories.SubmitAsync(story.Id, story.Version, ct);
            }
            return Done(request, story.Id, action == StoryActions.Submit ? StoryActions.Submit : StoryActions.Save);
        }
        catch (ValidationFailedException failed)
        {
            return Form(request, form, FieldErrors.From(failed.Errors, text), null, choices, StatusCodes.Status400BadRequest);
        }
        catch (ConflictException) when (form.SourceId is not null)
        {
            return Form(request, form, FieldErrors.For("sourceId", text.ErrorSourceIdTaken), null, choices, StatusCodes.Status409Conflict);
        }
    }

    /// <summary>GET /arbeid/historier/{id}: the story in the form; ?godkjenn=1 (from the moderation queue) approves with edits.</summary>
    public static async Task<IResult> Edit(HttpRequest request, string id, StoryService stories, NetworkService networks, CancellationToken ct)
    {
        var moderating = new QueryReader(request.Query).String("godkjenn", 1) == "1";
        var notice = WorkspaceLinks.DoneNotice(request);
        var (caller, story) = await StoryOfSecretariatAsync(request, id, stories, ct);
        if (story is null)
        {
            return Page.NotFound(request);
        }
        return Form(request, StoryForm.From(story), FieldErrors.None, story, await SecretariatNetworks.ChoicesAsync(caller, networks, ct),
            moderating: moderating, notice: notice);
    }

    /// <summary>
    /// POST /arbeid/historier/{id}: saves the form's content as PUT /api/stories/{id} does, with the version the form was opened
    /// at as If-Match (someone else's change in between is a conflict, and nothing is saved); then the chosen transition.
    /// </summary>
    public static async Task<IResult> Update(HttpRequest request, string id, StoryService stories, ModerationService moderation, NetworkService networks, CancellationToken ct)
    {
        var (caller, story) = await StoryOfSecretariatAsync(request, id, stories, ct);
        if (story is null)
        {
            return Page.NotFound(request);
        }
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var form = StoryForm.From(posted) with { Network = story.Network, SourceId = story.SourceId };
        var action = posted["action"].ToString();
        var moderating = posted["moderating"] == "1";
        var choices = await SecretariatNetworks.ChoicesAsync(caller, networks, ct);
        if (action == StoryActions.Rows)
        {
            return Form(request, form.WithMoreRows(), FieldErrors.None, story, choices, moderating: moderating);
        }
        var text = Page.Text(request).Workspace.Secretariat;
        var draft = form.ToDraft() with { SourceId = null }; // the source id stays as it is; the form does not change it
        try
        {
            if (form.Version is not { } version)
            {
                throw new PreconditionFailedException("The form carries no version.");
            }
            if (action == StoryActions.Approve)
            {
                await moderation.ApproveAsync(id, new ApproveRequest(draft, null), ModerationEndpoints.Who(request), version, ct);
                return Done(request, id, action);
            }
            var saved = await stories.UpdateAsync(id, draft, version, ct);
            _ = action switch
            {
                StoryActions.Submit => await stories.SubmitAsync(id, saved.Version, ct),
                StoryActions.Publish => await stories.PublishAsync(id, saved.Version, ct),
                StoryActions.Withdraw => await stories.WithdrawAsync(id, saved.Version, ct),
                _ => saved,
            };
            return Done(request, id, action is StoryActions.Submit or StoryActions.Publish or StoryActions.Withdraw ? action : StoryActions.Save);
        }
        catch (ValidationFailedException failed)
        {
            var errors = FieldErrors.From(failed.Errors, text, key => FieldErrors.FormField(key.StartsWith("edits.", StringComparison.Ordinal) ? key["edits.".Length..] : key));
            return Form(request, form, errors, story, choices, StatusCodes.Status400BadRequest, moderating);
        }
        catch (PreconditionFailedException)
        {
            var current = await stories.GetAsync(id, ct);
            return Form(request, form, FieldErrors.None, current, choices, StatusCodes.Status409Conflict, moderating, conflict: true);
        }
        catch (ConflictException)
        {
            // The content may be saved, but the transition does not fit the status now: show the story as it stands.
            var current = await stories.GetAsync(id, ct);
            return Form(request, StoryForm.From(current), FieldErrors.None, current, choices, StatusCodes.Status409Conflict, problem: text.NotAllowedNow);
        }
    }

    /// <summary>Role first (401/403 before anything is read), then the story's own network, as the API does. Null: no such story.</summary>
    internal static async Task<(Caller Caller, Story? Story)> StoryOfSecretariatAsync(HttpRequest request, string id, StoryService stories, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        Story story;
        try
        {
            story = await stories.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return (caller, null);
        }
        caller.Demand(Role.Secretariat, story.Network);
        return (caller, story);
    }

    /// <summary>Post/Redirect/Get: to the story's form, saying what was done; the audit names the story.</summary>
    private static IResult Done(HttpRequest request, string id, string action)
    {
        AuditContext.SetEntity(request.HttpContext, "stories/" + id);
        return WorkspaceResults.SeeOther(WorkspaceLinks.Done(WorkspaceLinks.Story(id), action));
    }

    private static IResult Form(HttpRequest request, StoryForm form, FieldErrors errors, Story? story, IReadOnlyList<KeyValuePair<string, string>> networks,
        int status = StatusCodes.Status200OK, bool moderating = false, string? notice = null, string? problem = null, bool conflict = false)
    {
        var text = Page.Text(request).Workspace.Secretariat;
        var moderate = moderating && story?.Status == StoryStatus.Submitted;
        var view = new StoryFormView(WorkspacePage.Frame(request, story is null ? text.NewStoryTitle : text.EditStoryTitle), form, errors, story, networks,
            StoryActions.For(story, moderate))
        {
            Moderating = moderate,
            Conflict = conflict,
            Notice = notice,
            Problem = problem,
        };
        return Page.Render<StoryFormPage>(view, status);
    }
}

/// <summary>The networks a secretariat writes for (an admin: every network), by name, for the pages' choices.</summary>
public static class SecretariatNetworks
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ChoicesAsync(Caller caller, NetworkService networks, CancellationToken ct)
    {
        var directory = await networks.DirectoryAsync(ct);
        var names = directory.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        var ids = caller.IsAdmin ? directory.Select(n => n.Id) : caller.ScopesOf(Role.Secretariat);
        return [.. ids.Select(id => KeyValuePair.Create(id, names.GetValueOrDefault(id, id))).OrderBy(n => n.Value, Page.NorwegianOrder)];
    }

    /// <summary>For a page per network: the secretariat, its networks, and the one ?network= asks for (else its first by name).</summary>
    public static async Task<(Caller Caller, IReadOnlyList<KeyValuePair<string, string>> Choices, string? Network)> ChosenAsync(
        HttpRequest request, NetworkService networks, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Secretariat);
        var choices = await ChoicesAsync(caller, networks, ct);
        var asked = new QueryReader(request.Query).Id("network", 40);
        return (caller, choices, asked ?? (choices.Count > 0 ? choices[0].Key : null));
    }
}

/// <summary>How workspace posts answer a success: 303 See Other, so that reloading the result page posts nothing again.</summary>
public static class WorkspaceResults
{
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
