using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Reference;

namespace SharingHub.Stories;

/// <summary>GET /api/stories query parameters: each one checked against the reference data, so no filter value reaches storage unchecked.</summary>
public static class StoryQueryParser
{
    private static readonly string[] Known = ["goal", "target", "kommune", "fylke", "network", "sector", "status", "publishedFrom", "publishedTo", "limit", "continuationToken"];

    public static StoryQuery Parse(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        foreach (var unknown in query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            reader.Errors.Add(unknown, $"is not a filter; use {string.Join(", ", Known)}");
        }
        var parsed = ReadFacets(reader) with
        {
            Status = Enum.Parse<StoryStatus>(reader.OneOf("status", StoryVocabulary.Statuses) ?? "published", ignoreCase: true),
            From = reader.Timestamp("publishedFrom"),
            To = EndOfDayIfDate(query, reader.Timestamp("publishedTo")),
            Limit = reader.Int("limit", 1, 100) ?? 20,
            ContinuationToken = reader.String("continuationToken", 200),
        };
        if (parsed.From > parsed.To)
        {
            reader.Errors.Add("publishedFrom", "must not be later than publishedTo");
        }
        reader.ThrowIfInvalid();
        return parsed;
    }

    /// <summary>The facet filters (goal, target, kommune, fylke, network, sector), checked against the reference data; search reads them too.</summary>
    public static StoryQuery ReadFacets(QueryReader reader)
    {
        var reference = ReferenceData.Instance;
        var target = reader.String("target", 10);
        if (target is not null && !reference.TargetById.TryGetValue(target, out _))
        {
            reader.Errors.Add("target", $"'{target}' is not one of the 169 official targets");
        }
        var kommune = reader.String("kommune", 10);
        if (kommune is not null && !reference.MunicipalityByNumber.ContainsKey(kommune))
        {
            reader.Errors.Add("kommune", $"'{kommune}' is not a kommunenummer");
        }
        var fylke = reader.String("fylke", 10);
        if (fylke is not null && !reference.CountyByNumber.ContainsKey(fylke))
        {
            reader.Errors.Add("fylke", $"'{fylke}' is not a fylkesnummer");
        }
        var network = reader.String("network", 40);
        if (network is not null && !network.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            reader.Errors.Add("network", "must be a network id such as 'trondelag'");
        }
        return new StoryQuery
        {
            Goal = reader.Int("goal", 1, 17),
            Target = target is null ? null : reference.TargetById.GetValueOrDefault(target)?.Id,
            Kommune = kommune,
            Fylke = fylke,
            Network = network,
            Sector = reader.OneOf("sector", StoryVocabulary.Sectors),
        };
    }

    /// <summary>"publishedTo=2026-09-25" means up to and including that day, as a reader of the date expects.</summary>
    private static DateTimeOffset? EndOfDayIfDate(IQueryCollection query, DateTimeOffset? to) =>
        to is { } value && query["publishedTo"].ToString().Trim().Length == 10 ? value.AddDays(1).AddTicks(-1) : to;
}
