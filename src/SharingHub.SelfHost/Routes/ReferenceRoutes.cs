using SharingHub.Networks;
using SharingHub.Reference;

namespace SharingHub.SelfHost.Routes;

internal static class ReferenceRoutes
{
    public static void MapReference(this RouteGroupBuilder api)
    {
        var reference = api.MapGroup("/reference");
        reference.MapGet("/goals", ReferenceEndpoints.Goals);
        reference.MapGet("/targets", ReferenceEndpoints.Targets);
        reference.MapGet("/municipalities", ReferenceEndpoints.Municipalities);
        reference.MapGet("/counties", ReferenceEndpoints.Counties);
    }

    public static void MapNetworks(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks");
        networks.MapGet("/", NetworkEndpoints.List);
        networks.MapPost("/", NetworkEndpoints.Create);
        networks.MapGet("/{id}", NetworkEndpoints.Get);
    }
}
