using SharingHub.Networks;
using SharingHub.Reference;

namespace SharingHub.SelfHost.Routes;

internal static class ReferenceRoutes
{
    public static void MapReference(this RouteGroupBuilder api)
    {
        // The handlers' return types (Ok<T>) describe these routes already.
        var reference = api.MapGroup("/reference").WithTags("Reference data");
        reference.MapGet("/goals", ReferenceEndpoints.Goals).WithSummary("The 17 Sustainable Development Goals");
        reference.MapGet("/targets", ReferenceEndpoints.Targets).WithSummary("The 169 official targets");
        reference.MapGet("/municipalities", ReferenceEndpoints.Municipalities).WithSummary("Norway's municipalities");
        reference.MapGet("/counties", ReferenceEndpoints.Counties).WithSummary("Norway's counties");
    }

    public static void MapNetworks(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Networks");
        networks.MapGet("/", NetworkEndpoints.List).Reads<IReadOnlyList<Network>>("The networks");
        networks.MapPost("/", NetworkEndpoints.Create).Takes<NetworkDraft, Network>("Create a network", StatusCodes.Status201Created);
        networks.MapGet("/{id}", NetworkEndpoints.Get).Reads<Network>("A network");
    }
}
