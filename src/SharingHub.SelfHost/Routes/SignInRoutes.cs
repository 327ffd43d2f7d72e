using SharingHub.SignIn;

namespace SharingHub.SelfHost.Routes;

/// <summary>Signing in and out of the workspace: pages at the root, beside /api.</summary>
internal static class SignInRoutes
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/logg-inn", SignInEndpoints.Show);
        app.MapPost("/logg-inn", SignInEndpoints.SignInWithKey);
        app.MapGet("/logg-inn/microsoft", SignInEndpoints.SignInWithMicrosoft);
        app.MapGet(EntraSignIn.CallbackPath, SignInEndpoints.MicrosoftCallback);
        app.MapPost("/logg-ut", SignInEndpoints.SignOut);
    }
}
