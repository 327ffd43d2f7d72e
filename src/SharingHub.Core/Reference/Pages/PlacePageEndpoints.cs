using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.Stories;
using SharingHub.Stories.Pages;

namespace SharingHub.Reference.Pages;

/// <summary>/mal/{n}, /kommuner/{kommunenummer} and /fylker/{nr}: a goal or a place, and its newest published stories.</summary>
public static class PlacePageEndpoints
{
    public const int StoryCount = 12;

    [PublicRead]
    public static async Task<IResult> Goal(HttpRequest request, string number, StoryService stories, CancellationToken ct)
    {
        if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || !ReferenceData.Instance.IsGoal(n))
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var goal = ReferenceData.Instance.Goals[n - 1];
        var frame = Page.Frame(request, $"{text.GoalLabel} {goal.Number}: {text.GoalShortName(goal)}") with { Description = text.GoalTitle(goal), FeedUrl = $"/historier.atom?goal={n}" };
        var section = await StoriesAsync(stories, new StoryQuery { Goal = n }, $"/historier?goal={n}", text, ct);
        var targets = ReferenceData.Instance.Targets.Where(t => t.Goal == n).ToList();
        return Page.Render<GoalPage>(new GoalView(frame, goal, targets, section));
    }

    [PublicRead]
    public static async Task<IResult> Municipality(HttpRequest request, string kommunenummer, StoryService stories, CancellationToken ct)
    {
        if (!ReferenceData.Instance.MunicipalityByNumber.TryGetValue(kommunenummer, out var municipality))
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var county = ReferenceData.Instance.CountyByNumber[municipality.Fylkesnummer];
        var section = await StoriesAsync(stories, new StoryQuery { Kommune = kommunenummer }, $"/historier?kommune={kommunenummer}", text, ct);
        return Page.Render<MunicipalityPage>(new MunicipalityView(Page.Frame(request, municipality.Name) with { FeedUrl = $"/historier.atom?kommune={kommunenummer}" }, municipality, county, section));
    }

    [PublicRead]
    public static async Task<IResult> County(HttpRequest request, string fylkesnummer, StoryService stories, CancellationToken ct)
    {
        if (!ReferenceData.Instance.CountyByNumber.TryGetValue(fylkesnummer, out var county))
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var municipalities = ReferenceData.Instance.Municipalities.Where(m => m.Fylkesnummer == fylkesnummer)
            .OrderBy(m => m.Name, Page.NorwegianOrder).ToList();
        var section = await StoriesAsync(stories, new StoryQuery { Fylke = fylkesnummer }, $"/historier?fylke={fylkesnummer}", text, ct);
        return Page.Render<CountyPage>(new CountyView(Page.Frame(request, county.Name) with { FeedUrl = $"/historier.atom?fylke={fylkesnummer}" }, county, municipalities, section));
    }

    /// <summary>The newest published stories for a query, with a link to the filtered listing when there are more.</summary>
    internal static async Task<StoryListSection> StoriesAsync(StoryService stories, StoryQuery query, string listingUrl, PageText text, CancellationToken ct)
    {
        var page = await stories.ListAsync(query with { Limit = StoryCount }, ct);
        return new StoryListSection([.. page.Items.Select(s => StoryCardView.From(s, text))], page.ContinuationToken is null ? null : listingUrl);
    }
}

public sealed record GoalView(PageFrame Frame, Goal Goal, IReadOnlyList<OfficialTarget> Targets, StoryListSection Stories);

public sealed record MunicipalityView(PageFrame Frame, Municipality Municipality, County County, StoryListSection Stories);

public sealed record CountyView(PageFrame Frame, County County, IReadOnlyList<Municipality> Municipalities, StoryListSection Stories);
