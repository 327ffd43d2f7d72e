using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using SharingHub.Access;
using SharingHub.Stories;

namespace SharingHub.Workspace.Secretariat;

/// <summary>/arbeid/historier: the filter as chosen, and a section per status (one paged section when a status is chosen).</summary>
public sealed record StoryWorkspaceListView(
    WorkspaceFrame Frame,
    StoryListFilter Filter,
    IReadOnlyList<KeyValuePair<string, string>> Networks,
    IReadOnlyList<StatusSection> Sections,
    string? NextPageUrl,
    string? FirstPageUrl);

/// <summary>The stories of one status; <paramref name="MoreUrl"/> leads to all of them when the overview shows only the first.</summary>
public sealed record StatusSection(StoryStatus Status, IReadOnlyList<Story> Stories, string? MoreUrl);

/// <summary>
/// The list's filter: a status (none: every status) and a network (a secretariat's own first network when it names none;
/// an admin sees every network's). Values that are not a status are ignored; the network is checked by the handler.
/// </summary>
public sealed record StoryListFilter(StoryStatus? Status, string? Network, string? ContinuationToken)
{
    public static StoryListFilter From(IQueryCollection query, Caller caller, IReadOnlyList<KeyValuePair<string, string>> networks)
    {
        var status = query["status"].ToString();
        var network = query["network"].ToString().Trim();
        var token = query["continuationToken"].ToString();
        return new StoryListFilter(
            StoryVocabulary.Statuses.Contains(status) ? Enum.Parse<StoryStatus>(status, ignoreCase: true) : null,
            network.Length > 0 ? network : caller.IsAdmin ? null : networks.FirstOrDefault().Key,
            token.Length > 0 ? token : null);
    }

    public StoryListFilter With(StoryStatus status) => this with { Status = status, ContinuationToken = null };

    public string Url(string? continuationToken = null)
    {
        var query = new QueryBuilder();
        if (Status is { } status)
        {
            query.Add("status", StoryEntities.Status(status));
        }
        if (Network is not null)
        {
            query.Add("network", Network);
        }
        if (continuationToken is not null)
        {
            query.Add("continuationToken", continuationToken);
        }
        return WorkspaceLinks.Stories + query.ToQueryString();
    }
}
