using Microsoft.AspNetCore.Http;
using SharingHub.Common.Http;
using SharingHub.Stories;

namespace SharingHub.Search;

/// <summary>GET /api/search's parameters: q (1–200 characters of the user's words), the story listing's facets, type, limit 1–50.</summary>
public static class SearchRequestParser
{
    public const int MaxTextLength = 200;
    private static readonly string[] Known = ["q", "goal", "target", "kommune", "fylke", "network", "sector", "type", "limit", "continuationToken"];
    private static readonly string[] Types = [SearchKinds.Story, SearchKinds.Episode];

    public static SearchRequest Parse(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        foreach (var unknown in query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            reader.Errors.Add(unknown, $"is not a search parameter; use {string.Join(", ", Known)}");
        }
        var text = reader.String("q", MaxTextLength);
        if (text is null && !reader.Errors.ToDictionary().ContainsKey("q"))
        {
            reader.Errors.Add("q", "is required: the words to search for");
        }
        var facets = StoryQueryParser.ReadFacets(reader);
        var type = reader.OneOf("type", Types);
        var limit = reader.Int("limit", 1, 50) ?? 10;
        var token = reader.String("continuationToken", 40);
        var offset = 0;
        if (token is not null)
        {
            if (SearchContinuation.Decode(token) is { } decoded)
            {
                offset = decoded;
            }
            else
            {
                reader.Errors.Add("continuationToken", "is not a token from an earlier answer");
            }
        }
        reader.ThrowIfInvalid();
        return new SearchRequest(text!, UserWords.Parse(text!), facets, type, limit, offset);
    }
}
