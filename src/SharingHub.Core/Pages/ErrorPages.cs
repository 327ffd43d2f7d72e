using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SharingHub.Access;
using SharingHub.Common;
using SharingHub.Pages.Text;
using SharingHub.SignIn;

namespace SharingHub.Pages;

public sealed record ErrorPageView(PageFrame Frame, string Title, string Message, string? SignInUrl, string SignInLink);

/// <summary>
/// A failure on a page route as a page in the reader's language, with the status ProblemMapper gives the same failure
/// on the API: 401 (and, for someone not signed in asking for a page, a redirect to /logg-inn that comes back here),
/// 403, 404, 400 (a refused antiforgery token says the form has expired), 409, 429, 503 and 500.
/// </summary>
public static class ErrorPages
{
    public static IResult For(HttpContext context, Exception exception, int status)
    {
        var request = context.Request;
        if (status == StatusCodes.Status404NotFound)
        {
            return Page.NotFound(request);
        }
        if (status == StatusCodes.Status401Unauthorized && IsAnonymousRead(request))
        {
            return new SeeOther(SignInAddress(request));
        }
        var s = Page.Text(request).Workspace.SignIn;
        var (title, message) = status switch
        {
            StatusCodes.Status401Unauthorized => (s.UnauthorizedTitle, s.UnauthorizedText),
            StatusCodes.Status403Forbidden => (s.ForbiddenTitle, s.ForbiddenText),
            StatusCodes.Status400BadRequest when IsRefusedForm(exception) => (s.FormExpiredTitle, s.FormExpiredText),
            StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed or StatusCodes.Status428PreconditionRequired => (s.ConflictTitle, s.ConflictText),
            StatusCodes.Status429TooManyRequests => (s.TooManyTitle, s.TooManyText),
            StatusCodes.Status503ServiceUnavailable => (s.UnavailableTitle, s.UnavailableText),
            >= 500 => (s.ServerErrorTitle, s.ServerErrorText),
            _ => (s.BadRequestTitle, s.BadRequestText),
        };
        var signIn = status == StatusCodes.Status401Unauthorized ? SignInAddress(request) : null;
        var frame = Page.Frame(request, title) with { CanonicalUrl = null };
        return Page.Render<ErrorPage>(new ErrorPageView(frame, title, message, signIn, s.SignInLink), status);
    }

    /// <summary>
    /// A page route (not /api) for a page, not a file: feeds, calendars, captions, the sitemap and the stylesheet keep
    /// answering their readers (feed readers, calendars, players) with problem details.
    /// </summary>
    public static bool AnswersWithPage(HttpRequest request) =>
        SignInSessions.IsPageRoute(request) && !System.IO.Path.HasExtension(request.Path.Value);

    /// <summary>"/logg-inn?tilbake=/arbeid/…": signing in leads back to the page asked for (only ever a local path).</summary>
    public static string SignInAddress(HttpRequest request)
    {
        var back = (request.PathBase + request.Path).Value + request.QueryString.Value;
        return LocalReturn.IsLocal(back) && back != "/" ? $"/logg-inn?{LocalReturn.Parameter}={Uri.EscapeDataString(back)}" : "/logg-inn";
    }

    /// <summary>Someone who sent no credentials and only wants to read: they are shown the way in rather than an error.</summary>
    private static bool IsAnonymousRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey(HubAuthenticator.ApiKeyHeader)
        && StringValues.IsNullOrEmpty(request.Headers.Authorization)
        && request.HttpContext.User.Identity?.IsAuthenticated != true;

    private static bool IsRefusedForm(Exception exception) => exception is AntiforgeryValidationException or Workspace.FormRejectedException;
}

/// <summary>303 See Other: after a form, or to the sign-in page, the browser follows with a GET.</summary>
public sealed class SeeOther(string location) : IResult, IStatusCodeHttpResult
{
    public string Location => location;

    public int? StatusCode => StatusCodes.Status303SeeOther;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
