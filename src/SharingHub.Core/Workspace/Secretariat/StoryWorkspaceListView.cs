using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using SharingHub.Access;
using SharingHub.Common.Http;
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
        // A value the page did not offer is no filter at all (the overview), never an error page.
        var reader = new QueryReader(query);
        var status = reader.OneOf("status", [.. StoryVocabulary.Statuses]);
        var network = reader.Id("network", 40);
        return new StoryListFilter(
            status is null ? null : Enum.Parse<StoryStatus>(status, ignoreCase: true),
            network ?? (caller.IsAdmin ? null : networks.FirstOrDefault().Key),
            reader.String("continuationToken", 200));
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
