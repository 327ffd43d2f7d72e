using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using SharingHub.Access;
using SharingHub.Common.Http;
using SharingHub.Pages;
using SharingHub.Pages.Text;
using SharingHub.SignIn.Pages;
using SharingHub.Workspace;

namespace SharingHub.SignIn;

/// <summary>/logg-inn (with Microsoft, or with an API key), its Microsoft callback, and /logg-ut: the same in both hosts.</summary>
public static class SignInEndpoints
{
    public const string KeyField = "nokkel";

    [PublicRead]
    public static IResult Show(HttpRequest request, EntraSignIn entra)
    {
        var query = new QueryReader(request.Query);
        var back = LocalReturn.Of(query.String("tilbake", 2000));
        var microsoftFailed = query.String("feil", 20) == "microsoft";
        var caller = Caller.Of(request);
        var view = Render(request, entra, back, microsoftFailed) with
        {
            SignedInAs = caller.IsAuthenticated ? request.HttpContext.User.FindFirstValue(ClaimTypes.Name) ?? caller.Id : null,
        };
        return Page.Render<SignInPage>(view);
    }

    /// <summary>The API-key form: the key is checked as X-Api-Key is, and the session keeps the key's id, never the key.</summary>
    [PublicForm]
    public static async Task<IResult> SignInWithKey(HttpRequest request, HubAuthenticator authenticator, SignInSessions sessions, EntraSignIn entra, CancellationToken ct)
    {
        var form = await WorkspaceForms.ReadAsync(request, ct);
        var back = LocalReturn.Of(form[LocalReturn.Parameter]);
        var key = form[KeyField].ToString().Trim();
        var identity = key.Length is > 0 and <= 200 ? await authenticator.RecogniseKeyAsync(key, ct) : null;
        if (identity is null)
        {
            var text = Page.Text(request).Workspace.SignIn;
            var view = Render(request, entra, back, false) with { KeyError = key.Length == 0 ? text.KeyRequired : text.KeyInvalid };
            return Page.Render<SignInPage>(view, StatusCodes.Status400BadRequest);
        }
        // The audit names who signed in, not "anonymous".
        request.HttpContext.User = await sessions.StartAsync(request.HttpContext, identity, ct);
        return new SeeOther(back);
    }

    /// <summary>"Logg inn med Microsoft": off to Entra ID with PKCE; comes back to <see cref="EntraSignIn.CallbackPath"/>.</summary>
    [PublicRead]
    public static IResult SignInWithMicrosoft(HttpRequest request, EntraSignIn entra)
    {
        var query = new QueryReader(request.Query);
        var back = LocalReturn.Of(query.String("tilbake", 2000));
        if (!entra.IsEnabled)
        {
            return Page.NotFound(request);
        }
        return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [EntraSignIn.Scheme]);
    }

    /// <summary>Entra ID's answer: the handler checks state, exchanges the code with the PKCE verifier, validates the ID token and starts the session.</summary>
    [PublicRead]
    public static async Task<IResult> MicrosoftCallback(HttpRequest request, EntraSignIn entra)
    {
        if (entra.IsEnabled)
        {
            EntraSignInHandler.AllowCallback(request.HttpContext);
            var handlers = request.HttpContext.RequestServices.GetService(typeof(IAuthenticationHandlerProvider)) as IAuthenticationHandlerProvider;
            if (handlers is not null && await handlers.GetHandlerAsync(request.HttpContext, EntraSignIn.Scheme) is IAuthenticationRequestHandler handler
                && await handler.HandleRequestAsync())
            {
                return Results.Empty; // the handler has answered: a redirect back to where the person was going
            }
        }
        return Page.NotFound(request);
    }

    [PublicForm]
    public static async Task<IResult> SignOut(HttpRequest request, SignInSessions sessions, CancellationToken ct)
    {
        if (Caller.Of(request).IsAuthenticated)
        {
            await WorkspaceForms.ReadAsync(request, ct);
        }
        await sessions.EndAsync(request.HttpContext, ct);
        return new SeeOther("/");
    }

    private static SignInPageView Render(HttpRequest request, EntraSignIn entra, string back, bool microsoftFailed)
    {
        var text = Page.Text(request).Workspace.SignIn;
        var frame = Page.Frame(request, text.Title) with { CanonicalUrl = null };
        return new SignInPageView(frame, text, WorkspaceForms.Tokens(request.HttpContext), back, entra.IsEnabled, microsoftFailed);
    }
}
