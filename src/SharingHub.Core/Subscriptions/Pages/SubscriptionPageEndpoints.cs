using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Common.Http;
using SharingHub.Digests;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Teams;
using SharingHub.Workspace;

namespace SharingHub.Subscriptions.Pages;

/// <summary>
/// /arbeid/abonnementer: a municipality's subscriptions, the form (new and edit), the preview of the next digest, the
/// test message and deletion. Every action calls the service the API's <see cref="SubscriptionEndpoints"/> and
/// <see cref="DigestEndpoints"/> call, with the same checks of who may do it.
/// </summary>
public static class SubscriptionPageEndpoints
{
    public static async Task<IResult> List(HttpRequest request, SubscriptionService subscriptions, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var t = SubscriberPages.Text(request);
        var own = (await subscriptions.ListAsync(null, ct)).Where(s => caller.Has(Role.Subscriber, s.Kommunenummer))
            .OrderBy(s => SubscriberPages.MunicipalityName(s.Kommunenummer), Page.NorwegianOrder).ThenBy(s => s.CreatedAt).ToList();
        var notice = SubscriberPages.Notice(request, new Dictionary<string, string> { ["slettet"] = t.Deleted });
        return Page.Render<SubscriptionListPage>(new SubscriptionListView(WorkspacePage.Frame(request, t.ListTitle), own, notice));
    }

    public static async Task<IResult> New(HttpRequest request, SubscriptionPageServices context, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var own = caller.ScopesOf(Role.Subscriber);
        // A wrong query value is no error on a page: the form simply opens without it.
        var form = SubscriptionForm.New(own.Count == 1 ? own[0] : null, new QueryReader(request.Query).Id("tilkobling"));
        return await RenderAsync(request, context, null, form, null, null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> Create(HttpRequest request, SubscriptionPageServices context, CancellationToken ct)
    {
        var caller = Caller.Of(request);
        caller.Demand(Role.Subscriber);
        var form = SubscriptionForm.From(await WorkspaceForms.ReadAsync(request, ct));
        if (form.Action != SubscriptionForm.SaveAction)
        {
            return await RenderOtherActionAsync(request, context, null, form, ct);
        }
        try
        {
            var draft = Draft(caller, form);
            var created = await context.Subscriptions.CreateAsync(draft, ct, connection => TeamsConnectionService.MayUse(caller, connection));
            return SubscriberPages.SeeOther(request, SubscriberPages.Subscription(created.Id), "lagret");
        }
        catch (ValidationFailedException ex)
        {
            return await RenderAsync(request, context, null, form, Errors(ex), null, StatusCodes.Status400BadRequest, ct);
        }
    }

    public static async Task<IResult> Show(HttpRequest request, string id, SubscriptionPageServices context, CancellationToken ct)
    {
        var subscription = await SubscriptionEndpoints.OwnAsync(request, id, context.Subscriptions, ct);
        var t = SubscriberPages.Text(request);
        var notice = SubscriberPages.Notice(request, new Dictionary<string, string>
        {
            ["lagret"] = t.Saved,
            ["test-teams"] = t.TestSentToTeams,
            ["test-utboks"] = t.TestSentToOutbox,
        });
        var preview = new PreviewView(await context.Messages.PreviewAsync(id, ct), OfForm: false);
        return await RenderAsync(request, context, subscription, SubscriptionForm.From(subscription), null, notice is null ? null : new PageNotice(notice), StatusCodes.Status200OK, ct, preview);
    }

    public static async Task<IResult> Update(HttpRequest request, string id, SubscriptionPageServices context, CancellationToken ct)
    {
        var stored = await SubscriptionEndpoints.OwnAsync(request, id, context.Subscriptions, ct);
        var caller = Caller.Of(request);
        var form = SubscriptionForm.From(await WorkspaceForms.ReadAsync(request, ct));
        if (form.Action != SubscriptionForm.SaveAction)
        {
            return await RenderOtherActionAsync(request, context, stored, form, ct);
        }
        try
        {
            var draft = Draft(caller, form);
            await context.Subscriptions.UpdateAsync(id, draft, form.ExpectedVersion, ct, connection => TeamsConnectionService.MayUse(caller, connection));
            return SubscriberPages.SeeOther(request, SubscriberPages.Subscription(id), "lagret");
        }
        catch (ValidationFailedException ex)
        {
            return await RenderAsync(request, context, stored, form, Errors(ex), null, StatusCodes.Status400BadRequest, ct);
        }
        catch (PreconditionFailedException)
        {
            var notice = new PageNotice(SubscriberPages.Text(request).ChangedByOthers, IsError: true);
            return await RenderAsync(request, context, stored, form, null, notice, StatusCodes.Status409Conflict, ct);
        }
    }

    public static async Task<IResult> Delete(HttpRequest request, string id, SubscriptionService subscriptions, CancellationToken ct)
    {
        await SubscriptionEndpoints.OwnAsync(request, id, subscriptions, ct);
        await WorkspaceForms.ReadAsync(request, ct);
        await subscriptions.DeleteAsync(id, ct);
        return SubscriberPages.SeeOther(request, SubscriberPages.Subscriptions, "slettet");
    }

    /// <summary>"Send a test message": the API's test message, through the real path (Graph, or the outbox without a connection).</summary>
    public static async Task<IResult> SendTest(HttpRequest request, string id, SubscriptionPageServices context, CancellationToken ct)
    {
        var subscription = await SubscriptionEndpoints.OwnAsync(request, id, context.Subscriptions, ct);
        await WorkspaceForms.ReadAsync(request, ct);
        try
        {
            var sent = await context.Messages.SendTestAsync(id, ct);
            return SubscriberPages.SeeOther(request, SubscriberPages.Subscription(id), sent.OutboxId is null ? "test-teams" : "test-utboks");
        }
        catch (Exception ex) when (ex is ConflictException or DependencyUnavailableException)
        {
            var t = SubscriberPages.Text(request);
            var notice = new PageNotice(Page.Text(request).Format(t.TestFailed, ex.Message), IsError: true);
            var status = ex is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status503ServiceUnavailable;
            return await RenderAsync(request, context, subscription, SubscriptionForm.From(subscription), null, notice, status, ct);
        }
    }

    /// <summary>The API's draft from the form; the caller must be a subscriber of the municipality it names (as in the API).</summary>
    private static SubscriptionDraft Draft(Caller caller, SubscriptionForm form)
    {
        var errors = new ValidationErrors();
        var draft = form.ToDraft(errors);
        if (!errors.IsEmpty)
        {
            SubscriptionValidator.Validate(draft, errors); // every field's error at once, not only the unreadable ones
            errors.ThrowIfAny();
        }
        if (!string.IsNullOrEmpty(draft.Kommunenummer))
        {
            caller.Demand(Role.Subscriber, draft.Kommunenummer);
        }
        return draft;
    }

    /// <summary>"Vis forhåndsvisning" and "Hent team og kanaler": the form again, as it was filled in, with what was asked for.</summary>
    private static async Task<IResult> RenderOtherActionAsync(HttpRequest request, SubscriptionPageServices context, Subscription? stored, SubscriptionForm form, CancellationToken ct)
    {
        if (form.Action != SubscriptionForm.PreviewAction)
        {
            return await RenderAsync(request, context, stored, form, null, null, StatusCodes.Status200OK, ct);
        }
        var errors = new ValidationErrors();
        var value = SubscriptionValidator.Validate(form.ToDraft(errors), errors);
        // The preview needs the municipality and the filters; the channel and the schedule can wait until saving.
        var wrong = errors.ToDictionary().Where(e => e.Key == "kommunenummer" || e.Key.StartsWith("filters.", StringComparison.Ordinal)).ToDictionary();
        if (wrong.Count > 0)
        {
            return await RenderAsync(request, context, stored, form, Errors(wrong), null, StatusCodes.Status400BadRequest, ct);
        }
        var subscription = (stored ?? new Subscription { Id = "forhandsvisning", CreatedAt = context.Clock.GetUtcNow() }) with
        {
            Kommunenummer = value.Kommunenummer,
            TeamId = value.TeamId,
            ChannelId = value.ChannelId,
            Filters = value.Filters,
        };
        var preview = new PreviewView(await context.Messages.PreviewAsync(subscription, ct), OfForm: true);
        return await RenderAsync(request, context, stored, form, null, null, StatusCodes.Status200OK, ct, preview);
    }

    private static Dictionary<string, string> Errors(ValidationFailedException ex) => Errors(ex.Errors);

    /// <summary>The form's field of each error, with the core's reason (the page shows its own Norwegian words for the field).</summary>
    private static Dictionary<string, string> Errors(IReadOnlyDictionary<string, string[]> errors)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, reasons) in errors)
        {
            byField.TryAdd(SubscriptionForm.FieldOf(key), string.Join(" ", reasons));
        }
        return byField;
    }

    private static async Task<IResult> RenderAsync(
        HttpRequest request, SubscriptionPageServices context, Subscription? stored, SubscriptionForm form, IReadOnlyDictionary<string, string>? errors,
        PageNotice? notice, int status, CancellationToken ct, PreviewView? preview = null)
    {
        var caller = Caller.Of(request);
        var t = SubscriberPages.Text(request);
        var title = stored is null ? t.NewTitle : Page.Text(request).Format(t.EditTitle, SubscriberPages.MunicipalityName(stored.Kommunenummer));
        var connections = await context.Connections.ListForAsync(caller, ct);
        var choices = form.ConnectionId.Length > 0 && connections.Any(c => c.Id == form.ConnectionId)
            ? await context.Picker.ListAsync(caller, form.ConnectionId, form.TeamId, ct)
            : null;
        var networks = (await context.Networks.DirectoryAsync(ct)).OrderBy(n => n.Name, Page.NorwegianOrder).Select(n => (n.Id, n.Name)).ToList();
        var view = new SubscriptionFormView(
            WorkspacePage.Frame(request, title),
            stored,
            form,
            SubscriberPages.MunicipalitiesOf(caller),
            connections,
            choices,
            networks,
            errors ?? new Dictionary<string, string>(),
            notice,
            preview);
        return Page.Render<SubscriptionFormPage>(view, status);
    }
}

/// <summary>The services the form's page needs, registered as one so that both hosts' adapters stay one line.</summary>
public sealed record SubscriptionPageServices(
    SubscriptionService Subscriptions,
    SubscriptionMessages Messages,
    TeamsConnectionService Connections,
    TeamsPicker Picker,
    NetworkService Networks,
    TimeProvider Clock);

public sealed record SubscriptionListView(WorkspaceFrame Frame, IReadOnlyList<Subscription> Subscriptions, string? Notice);

/// <param name="Stored">The subscription as stored; null for a new one.</param>
/// <param name="Errors">By the API's field name without index ("filters.targets"), the core's reason.</param>
public sealed record SubscriptionFormView(
    WorkspaceFrame Frame,
    Subscription? Stored,
    SubscriptionForm Form,
    IReadOnlyList<Reference.Municipality> Municipalities,
    IReadOnlyList<TeamsConnection> Connections,
    TeamsChoices? Choices,
    IReadOnlyList<(string Id, string Name)> Networks,
    IReadOnlyDictionary<string, string> Errors,
    PageNotice? Notice,
    PreviewView? Preview);

/// <param name="OfForm">Whether it previews the form's unsaved filters rather than the stored ones.</param>
public sealed record PreviewView(DigestPreview Preview, bool OfForm)
{
    /// <summary>The message's HTML exactly as the Graph request carries it, sanitised for showing inside this page.</summary>
    public string? Html => Preview.Request?.Body["body"]?["content"]?.GetValue<string>() is { } html ? TeamsMessageHtml.Sanitize(html) : null;
}
