using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Networks;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Stories.Pages;
using SharingHub.Webinars.Assets;
using SharingHub.Workspace;

namespace SharingHub.Webinars.Workspace;

/// <summary>
/// The organiser's pages under /arbeid/webinarer: episodes in every status, the episode form, presentations and their
/// speakers, a draft story from a presentation, and the files. Every change goes through <see cref="WebinarService"/>,
/// as the API's does; a form with errors comes back (400) with the values kept, a change redirects (303) to the episode.
/// </summary>
public static class OrganiserPageEndpoints
{
    public static async Task<IResult> List(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var episodes = await webinars.ListAsync(null, null, null, ct);
        var rows = episodes.OrderByDescending(w => w.StartsAt).Select(w => new EpisodeRow(w.Id, w.Title, w.StartsAt, w.Status, w.Presentations.Count)).ToList();
        return Page.Render<EpisodeListPage>(new EpisodeListView(WorkspacePage.Frame(request, Text(request).ListTitle), rows));
    }

    public static IResult New(HttpRequest request)
    {
        Caller.Of(request).Demand(Role.Organiser);
        return Page.Render<NewEpisodePage>(new NewEpisodeView(WorkspacePage.Frame(request, Text(request).NewTitle), new EpisodeForm(), new Dictionary<string, string>()));
    }

    public static async Task<IResult> Create(HttpRequest request, WebinarService webinars, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var form = EpisodeForm.Read(await WorkspaceForms.ReadAsync(request, ct));
        try
        {
            var created = await webinars.CreateAsync(form.ToDraft(null), ct);
            return Redirect(request, OrganiserPaths.Episode(created.Id), "opprettet");
        }
        catch (ValidationFailedException invalid)
        {
            var errors = OrganiserForms.Errors(invalid.Errors, Text(request).EpisodeErrors);
            return Page.Render<NewEpisodePage>(new NewEpisodeView(WorkspacePage.Frame(request, Text(request).NewTitle), form, errors), StatusCodes.Status400BadRequest);
        }
    }

    public static async Task<IResult> Show(HttpRequest request, string id, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var view = await ViewAsync(request, id, webinars, assets, networks, ct);
        var done = request.Query["gjort"].ToString();
        return Render(view with { Done = Text(request).Done.GetValueOrDefault(done) });
    }

    public static async Task<IResult> Update(HttpRequest request, string id, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var form = EpisodeForm.Read(posted);
        return await ChangeAsync(request, id, posted, "lagret", webinars, assets, networks,
            current => form.ToDraft(current),
            (view, invalid) => view with { Form = form, Errors = OrganiserForms.Errors(invalid, Text(request).EpisodeErrors) }, ct);
    }

    public static async Task<IResult> Publish(HttpRequest request, string id, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        return await ChangeAsync(request, id, posted, "publisert", webinars, assets, networks,
            current => EpisodeForm.From(current).ToDraft(current) with { Status = WebinarRules.Status(WebinarStatus.Published) },
            (view, invalid) => view with { Errors = OrganiserForms.Errors(invalid, Text(request).EpisodeErrors) }, ct);
    }

    public static async Task<IResult> AddPresentation(HttpRequest request, string id, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var form = PresentationForm.Read(posted);
        return await ChangeAsync(request, id, posted, "foredrag-lagt-til", webinars, assets, networks,
            current => WithPresentations(current, [.. OrganiserForms.Drafts(current.Presentations), form.ToDraft(null)]),
            (view, invalid) => view with
            {
                NewPresentation = view.NewPresentation with { Form = form, Errors = PresentationErrors(request, invalid, view.Webinar.Presentations.Count) },
            }, ct);
    }

    public static async Task<IResult> UpdatePresentation(
        HttpRequest request, string id, string presentationId, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        var form = PresentationForm.Read(posted);
        return await ChangeAsync(request, id, posted, "foredrag-lagret", webinars, assets, networks,
            current => WithPresentations(current, [.. current.Presentations.Select(p => p.Id == presentationId ? form.ToDraft(p) : OrganiserForms.Drafts([p])[0])]),
            (view, invalid) => view with
            {
                Presentations = [.. view.Presentations.Select(p => p.Id == presentationId
                    ? p with { Form = form, Errors = PresentationErrors(request, invalid, IndexOf(view.Webinar, presentationId)) }
                    : p)],
            }, ct, mustExist: presentationId);
    }

    public static async Task<IResult> RemovePresentation(
        HttpRequest request, string id, string presentationId, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var posted = await WorkspaceForms.ReadAsync(request, ct);
        return await ChangeAsync(request, id, posted, "foredrag-fjernet", webinars, assets, networks,
            current => WithPresentations(current, OrganiserForms.Drafts(current.Presentations.Where(p => p.Id != presentationId))),
            (view, invalid) => view with { Errors = OrganiserForms.Errors(invalid, Text(request).EpisodeErrors) }, ct, mustExist: presentationId);
    }

    /// <summary>"Lag utkast til historie": the same draft story the API makes (POST …/presentations/{pid}/story).</summary>
    public static async Task<IResult> DraftStory(
        HttpRequest request, string id, string presentationId, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        Caller.Of(request).Demand(Role.Organiser);
        var story = StoryForm.Read(await WorkspaceForms.ReadAsync(request, ct));
        try
        {
            await webinars.CreateStoryAsync(id, presentationId, story.ToRequest(), ct);
            return Redirect(request, OrganiserPaths.Episode(id), "historie-laget", $"p-{presentationId}");
        }
        catch (ValidationFailedException invalid)
        {
            var view = await ViewAsync(request, id, webinars, assets, networks, ct);
            var errors = OrganiserForms.Errors(invalid.Errors, Text(request).StoryErrors);
            return Render(view with
            {
                Presentations = [.. view.Presentations.Select(p => p.Id == presentationId ? p with { Story = story, StoryErrors = errors } : p)],
            }, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// Reads the stored episode, applies the change as an API draft (checked against the version the form was shown
    /// with) and redirects; on invalid fields the page comes back with them, on a concurrent change with a clear message.
    /// </summary>
    private static async Task<IResult> ChangeAsync(
        HttpRequest request,
        string id,
        IFormCollection posted,
        string done,
        WebinarService webinars,
        AssetService assets,
        NetworkService networks,
        Func<Webinar, WebinarDraft> change,
        Func<EpisodeView, IReadOnlyDictionary<string, string[]>, EpisodeView> showErrors,
        CancellationToken ct,
        string? mustExist = null)
    {
        var current = await webinars.GetStoredAsync(id, ct);
        if (mustExist is not null && current.Presentations.All(p => p.Id != mustExist))
        {
            throw new NotFoundException("Presentation", mustExist);
        }
        int? version = int.TryParse(posted["version"], out var v) ? v : null;
        try
        {
            await webinars.UpdateAsync(id, change(current), version ?? current.Version, ct);
            return Redirect(request, OrganiserPaths.Episode(id), done);
        }
        catch (ValidationFailedException invalid)
        {
            var view = await ViewAsync(request, id, webinars, assets, networks, ct);
            return Render(showErrors(view, invalid.Errors), StatusCodes.Status400BadRequest);
        }
        catch (PreconditionFailedException)
        {
            var view = await ViewAsync(request, id, webinars, assets, networks, ct);
            return Render(showErrors(view, new Dictionary<string, string[]>()) with { Problem = Text(request).Conflict }, StatusCodes.Status409Conflict);
        }
    }

    internal static async Task<EpisodeView> ViewAsync(HttpRequest request, string id, WebinarService webinars, AssetService assets, NetworkService networks, CancellationToken ct)
    {
        var webinar = await webinars.GetAsync(id, ct);
        var files = await assets.ListAsync(id, ct);
        var titles = webinar.Presentations.ToDictionary(p => p.Id, p => p.Title);
        var none = new Dictionary<string, string>();
        return new EpisodeView(
            WorkspacePage.Frame(request, webinar.Title),
            webinar,
            EpisodeForm.From(webinar),
            none,
            [.. webinar.Presentations.Select(p => new PresentationView(p.Id, PresentationForm.From(p), none, p.StoryId))],
            new PresentationView(null, new PresentationForm(), none, null),
            [.. files.OrderByDescending(f => f.CreatedAt).Select(f => new FileRow(f, f.PresentationId is null ? null : titles.GetValueOrDefault(f.PresentationId)))],
            await StoryPageEndpoints.NetworkChoicesAsync(networks, ct));
    }

    /// <summary>The episode page loads the upload module: its CSP lets it run and reach Blob Storage.</summary>
    private static PageResult Render(EpisodeView view, int status = StatusCodes.Status200OK) =>
        new(typeof(EpisodePage), view with { Frame = view.Frame with { Page = view.Frame.Page with { ScriptUrl = PageScript.Upload.Url } } }, status) { Uploads = true };

    private static WebinarDraft WithPresentations(Webinar current, List<PresentationDraft?> presentations) =>
        EpisodeForm.From(current).ToDraft(current) with { Presentations = presentations };

    private static Dictionary<string, string> PresentationErrors(HttpRequest request, IReadOnlyDictionary<string, string[]> invalid, int index) =>
        OrganiserForms.Errors(invalid, Text(request).PresentationErrors, index);

    private static int IndexOf(Webinar webinar, string presentationId) =>
        webinar.Presentations.Select((p, i) => (p, i)).First(x => x.p.Id == presentationId).i;

    private static IResult Redirect(HttpRequest request, string path, string done, string? fragment = null)
    {
        var target = PageLanguage.Address($"{path}?gjort={done}", Page.Text(request)) + (fragment is null ? string.Empty : $"#{fragment}");
        return new SeeOther(target);
    }

    private static OrganiserText Text(HttpRequest request) => Page.Text(request).Workspace.Organiser;

    /// <summary>303 See Other: after a form post, the browser GETs the result (Post/Redirect/Get).</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
