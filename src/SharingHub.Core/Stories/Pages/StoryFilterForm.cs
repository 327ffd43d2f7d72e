using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using SharingHub.Reference;

namespace SharingHub.Stories.Pages;

/// <summary>
/// The listing's filters as a reader typed them (kept to fill the form in again), and the query they stand for. A
/// municipality may be given by name; everything else is checked by the API's own <see cref="StoryQueryParser"/>, so the
/// page and GET /api/stories answer the same query the same way. Parameters the page does not know are ignored.
/// </summary>
public sealed record StoryFilterForm(string? Goal, string? Target, string? Kommune, string? Fylke, string? Network, string? Sector, string? ContinuationToken)
{
    public const int PageSize = 20;

    public static readonly IReadOnlyList<string> Fields = ["goal", "target", "kommune", "fylke", "network", "sector"];

    public static StoryFilterForm From(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString().Trim() : null;
        return new(Value("goal"), Value("target"), Value("kommune"), Value("fylke"), Value("network"), Value("sector"), Value("continuationToken"));
    }

    public bool HasFilters => (Goal ?? Target ?? Kommune ?? Fylke ?? Network ?? Sector) is not null;

    /// <summary>The query for <see cref="StoryQueryParser"/>: published stories, one page, a municipality's name turned into its number.</summary>
    public IQueryCollection ToQuery()
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }
        Add("goal", Goal);
        Add("target", Target);
        Add("kommune", MunicipalityNumber(Kommune));
        Add("fylke", Fylke);
        Add("network", Network);
        Add("sector", Sector);
        Add("continuationToken", ContinuationToken);
        values["limit"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new QueryCollection(values);
    }

    /// <summary>The Atom feed of this listing's filters.</summary>
    public string FeedUrl => Url(null, "/historier.atom");

    /// <summary>The URL of this listing's filters, at the page <paramref name="continuationToken"/> starts (the first page without one).</summary>
    public string Url(string? continuationToken = null, string path = "/historier")
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("goal", Goal), new("target", Target), new("kommune", Kommune), new("fylke", Fylke),
            new("network", Network), new("sector", Sector), new("continuationToken", continuationToken),
        };
        var query = new QueryBuilder(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        return path + query.ToQueryString();
    }

    private static string? MunicipalityNumber(string? kommune)
    {
        if (kommune is null || kommune.All(char.IsAsciiDigit))
        {
            return kommune;
        }
        var match = ReferenceData.Instance.Municipalities.FirstOrDefault(m => m.Names.Contains(kommune, StringComparer.OrdinalIgnoreCase));
        return match?.Kommunenummer ?? kommune; // an unknown name stays as typed, and the parser says what is wrong
    }
}
