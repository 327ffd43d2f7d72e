using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages;
using SharingHub.Reference;
using SharingHub.Reference.Pages;
using SharingHub.Stories;

namespace SharingHub.Networks.Pages;

/// <summary>/nettverk/{id}: a network, the counties it covers, and its newest published stories.</summary>
public static class NetworkPageEndpoints
{
    [PublicRead]
    public static async Task<IResult> Show(HttpRequest request, string id, NetworkService networks, StoryService stories, CancellationToken ct)
    {
        Network network;
        try
        {
            network = await networks.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return Page.NotFound(request);
        }
        var text = Page.Text(request);
        var counties = network.Fylker.Select(f => ReferenceData.Instance.CountyByNumber.GetValueOrDefault(f)).OfType<County>().ToList();
        var section = await PlacePageEndpoints.StoriesAsync(stories, new StoryQuery { Network = network.Id },
            $"/historier?network={Uri.EscapeDataString(network.Id)}", text, ct);
        // The network's contact person is not shown: personal data stays with the API's authorised callers.
        return Page.Render<NetworkPage>(new NetworkView(Page.Frame(request, network.Name) with { FeedUrl = $"/historier.atom?network={Uri.EscapeDataString(network.Id)}" }, network.Name, counties, section));
    }
}

public sealed record NetworkView(PageFrame Frame, string Name, IReadOnlyList<County> Counties, Stories.Pages.StoryListSection Stories);
