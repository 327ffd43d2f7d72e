using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SharingHub.Access;
using SharingHub.SignIn;

namespace SharingHub.Functions;

/// <summary>Signing in and out of the workspace (routes as the self-host's; host.json's routePrefix is "").</summary>
public sealed class SignInFunctions(EntraSignIn entra, HubAuthenticator authenticator, SignInSessions sessions)
{
    [Function(nameof(SignInPage))]
    [PublicRead]
    public IResult SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn")] HttpRequest request) =>
        SignInEndpoints.Show(request, entra);

    [Function(nameof(SignInWithKey))]
    [PublicForm]
    public Task<IResult> SignInWithKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logg-inn")] HttpRequest request, CancellationToken ct) =>
        SignInEndpoints.SignInWithKey(request, authenticator, sessions, entra, ct);

    [Function(nameof(SignInWithMicrosoft))]
    [PublicRead]
    public IResult SignInWithMicrosoft([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn/microsoft")] HttpRequest request) =>
        SignInEndpoints.SignInWithMicrosoft(request, entra);

    [Function(nameof(SignInCallback))]
    [PublicRead]
    public Task<IResult> SignInCallback([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "logg-inn/microsoft/svar")] HttpRequest request) =>
        SignInEndpoints.MicrosoftCallback(request, entra);

    [Function(nameof(SignOut))]
    [PublicForm]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logg-ut")] HttpRequest request, CancellationToken ct) =>
        SignInEndpoints.SignOut(request, sessions, ct);
}
