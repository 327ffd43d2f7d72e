using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Reference;
using SharingHub.Stories.Pages;

namespace SharingHub.Search.Pages;

/// <summary>/sok: the search page, answering through the same <see cref="SearchService"/> as GET /api/search.</summary>
public static class SearchPageEndpoints
{
    [PublicRead]
    public static async Task<IResult> Search(HttpRequest request, SearchService search, CancellationToken ct)
    {
        var text = Page.Text(request);
        var form = SearchForm.From(request.Query);
        var frame = Page.Frame(request, text.SearchTitle) with { Description = text.SearchIntro };
        if (!form.Asked)
        {
            return Page.Render<SearchResultsPage>(new SearchPageView(frame, form, [], 0, [], [], [], [], null));
        }
        SearchRequest? parsed = null;
        IReadOnlyList<(string, string)> errors = [];
        try
        {
            parsed = SearchRequestParser.Parse(form.ToQuery());
        }
        catch (ValidationFailedException failed)
        {
            errors = [.. failed.Errors.Keys.Select(field => (field, ErrorMessage(field, form, text)))];
        }
        if (parsed is null)
        {
            return Page.Render<SearchResultsPage>(new SearchPageView(frame, form, errors, 0, [], [], [], [], null), StatusCodes.Status400BadRequest);
        }
        var page = await search.SearchAsync(parsed, ct);
        var view = new SearchPageView(
            frame,
            form,
            [],
            page.Total,
            [.. page.Items.Select(h => Hit(h, text))],
            [.. page.Facets.Goal.Where(f => !form.Filters.ContainsKey("goal")).Select(f => new FacetLink(f.Name, f.Count, form.With("goal", f.Value)))],
            [.. page.Facets.Fylke.Where(f => !form.Filters.ContainsKey("fylke")).Select(f => new FacetLink(f.Name, f.Count, form.With("fylke", f.Value)))],
            [.. form.Filters.Select(f => new ActiveFilter(text.Format(text.SearchRemoveFilter, FilterName(f.Key, f.Value, text)), form.With(f.Key, null)))],
            page.ContinuationToken is { } next ? form.Url(next) : null);
        return Page.Render<SearchResultsPage>(view);
    }

    private static SearchHitView Hit(SearchHit hit, PageText text)
    {
        var snippet = new MarkupString(hit.Snippet); // the core's: encoded text and <mark> only
        if (hit.StartSeconds is { } start)
        {
            var at = StoryLinks.Clock((int)Math.Floor(start));
            var episode = WebinarLinksFor(hit);
            return new SearchHitView(hit.Title, episode, text.Format(text.HitTranscript, at), snippet, hit.Url, text.Format(text.WatchFrom, at));
        }
        return new SearchHitView(hit.Title, hit.Url, hit.Type == SearchKinds.Story ? text.HitStory : text.HitEpisode, snippet, null, null);
    }

    /// <summary>The episode page, at the chapter the minute falls in when there is one.</summary>
    private static string WebinarLinksFor(SearchHit hit) =>
        Webinars.Pages.WebinarLinks.Page(hit.Id) + (hit.PresentationId is { } chapter ? "#" + Uri.EscapeDataString(chapter) : string.Empty);

    private static string ErrorMessage(string field, SearchForm form, PageText text)
    {
        if (field == "q" && form.Q?.Trim().Length > SearchRequestParser.MaxTextLength)
        {
            return text.SearchErrors["q.long"];
        }
        return text.SearchErrors.GetValueOrDefault(field) ?? text.FilterErrors.GetValueOrDefault(field, field);
    }

    /// <summary>"3. God helse", "Trøndelag", "Bare historier": a filter as the reader knows it.</summary>
    private static string FilterName(string field, string value, PageText text)
    {
        var reference = ReferenceData.Instance;
        return field switch
        {
            "goal" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 17 => $"{n}. {reference.Goals[n - 1].ShortName}",
            "fylke" when reference.CountyByNumber.TryGetValue(value, out var county) => county.Name,
            "kommune" when reference.MunicipalityByNumber.TryGetValue(value, out var municipality) => municipality.Name,
            "type" when value == SearchKinds.Story => text.SearchTypeStory,
            "type" when value == SearchKinds.Episode => text.SearchTypeEpisode,
            "sector" => text.Sectors.GetValueOrDefault(value, value),
            _ => value,
        };
    }
}
