using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace SharingHub.Search.Pages;

/// <summary>
/// /sok's query as the reader gave it: the words (kept to fill the field in again), the facets and type, the page. The
/// API's own <see cref="SearchRequestParser"/> checks it, so the page and GET /api/search answer the same query the same
/// way. Parameters the page does not know are ignored.
/// </summary>
public sealed record SearchForm(string? Q, IReadOnlyDictionary<string, string> Filters, string? ContinuationToken)
{
    public const int PageSize = 10;

    /// <summary>The filters GET /api/search takes, in the order links carry them.</summary>
    public static readonly IReadOnlyList<string> FilterFields = ["goal", "target", "kommune", "fylke", "network", "sector", "type"];

    /// <summary>Whether the reader asked for anything (a blank q is asking: it is answered with an error).</summary>
    public bool Asked => Q is not null;

    public string? Type => Filters.GetValueOrDefault("type");

    public static SearchForm From(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v[0]!.Trim() : null;
        var filters = FilterFields.Select(f => (f, Value(f))).Where(p => p.Item2 is { Length: > 0 })
            .ToDictionary(p => p.f, p => p.Item2!, StringComparer.Ordinal);
        return new(query.TryGetValue("q", out var q) ? q.ToString() : null, filters, Value("continuationToken"));
    }

    /// <summary>The query for <see cref="SearchRequestParser"/>: the words, the filters, one page.</summary>
    public IQueryCollection ToQuery()
    {
        var values = Filters.ToDictionary(f => f.Key, f => new StringValues(f.Value), StringComparer.Ordinal);
        values["q"] = Q ?? string.Empty;
        if (ContinuationToken is not null)
        {
            values["continuationToken"] = ContinuationToken;
        }
        values["limit"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new QueryCollection(values);
    }

    /// <summary>This search with one filter set (or removed, with null), from its first page.</summary>
    public string With(string field, string? value)
    {
        var filters = new Dictionary<string, string>(Filters, StringComparer.Ordinal);
        if (value is null)
        {
            filters.Remove(field);
        }
        else
        {
            filters[field] = value;
        }
        return (this with { Filters = filters }).Url();
    }

    /// <summary>The URL of this search, at the page <paramref name="continuationToken"/> starts (the first page without one).</summary>
    public string Url(string? continuationToken = null)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("q", Q ?? string.Empty) };
        pairs.AddRange(FilterFields.Where(Filters.ContainsKey).Select(f => new KeyValuePair<string, string>(f, Filters[f])));
        if (continuationToken is not null)
        {
            pairs.Add(new("continuationToken", continuationToken));
        }
        return "/sok" + new QueryBuilder(pairs).ToQueryString();
    }
}
