using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using SharingHub.Pages;

namespace SharingHub.Common.Http;

/// <summary>
/// The one place that turns failures into RFC 9457 ProblemDetails. Both hosts route every unhandled exception here,
/// so the same failure gives the same answer whichever host served it, and nothing internal ever leaks.
/// </summary>
public static class ProblemMapper
{
    /// <summary>
    /// What both hosts answer a failed request with: ProblemDetails on the API, and on page routes the same status as a
    /// page in Norwegian (<see cref="ErrorPages"/>), where someone not signed in is sent to the sign-in page instead.
    /// </summary>
    public static IResult ToResult(HttpContext context, Exception exception, ILogger logger)
    {
        var problem = ToResult(exception, logger);
        return ErrorPages.AnswersWithPage(context.Request) && problem is IStatusCodeHttpResult { StatusCode: { } status }
            ? ErrorPages.For(context, exception, status)
            : problem;
    }

    public static IResult ToResult(Exception exception, ILogger logger)
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                return TypedResults.ValidationProblem(
                    validation.Errors.ToDictionary(e => e.Key, e => e.Value),
                    title: "The request has invalid fields.",
                    detail: Summarise(validation.Errors));
            case NotFoundException:
                return Problem(StatusCodes.Status404NotFound, "Not found.", exception.Message);
            case ConflictException:
                return Problem(StatusCodes.Status409Conflict, "Conflict with the current state.", exception.Message);
            case PreconditionFailedException:
                return Problem(StatusCodes.Status412PreconditionFailed, "The entity has changed.", exception.Message);
            case PreconditionRequiredException:
                return Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required.", exception.Message);
            case UnsupportedMediaTypeException:
                return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", exception.Message);
            case PayloadTooLargeException:
                return Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", exception.Message);
            case UnauthenticatedException:
                // Both schemes the hub accepts, so a client knows what to send (RFC 9110 §11.6.1).
                return new WithHeader(Problem(StatusCodes.Status401Unauthorized, "Authentication required.", exception.Message),
                    "WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Bearer");
            case ForbiddenException:
                return Problem(StatusCodes.Status403Forbidden, "Not allowed.", exception.Message);
            case TooManyRequestsException tooMany:
                return new WithHeader(Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", exception.Message),
                    "Retry-After", Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case Workspace.FormRejectedException:
                return Problem(StatusCodes.Status400BadRequest, "The form was refused.", exception.Message);
            case UnprocessableException:
                return Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", exception.Message);
            case AntiforgeryValidationException:
                return Problem(StatusCodes.Status400BadRequest, "The form's antiforgery token is missing or invalid.",
                    "Load the form again and send it with the token it carries.");
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, "Bad request.", bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than this route accepts."
                    : "The request could not be read.");
            case DependencyUnavailableException unavailable:
                logger.LogError(unavailable.Inner ?? unavailable, "Dependency unavailable: {Message}", unavailable.Message);
                return Unavailable(unavailable.Message);
            case RequestFailedException storage when IsUnavailable(storage):
                logger.LogError(storage, "Storage unavailable (status {Status})", storage.Status);
                return Unavailable("Storage is unavailable right now. Try again shortly.");
            case HttpRequestException or SocketException or TimeoutException:
                logger.LogError(exception, "A backing service could not be reached");
                return Unavailable("A backing service is unavailable right now. Try again shortly.");
            case AggregateException { InnerExceptions.Count: 1 } aggregate:
                return ToResult(aggregate.InnerExceptions[0], logger);
            case AggregateException aggregate when aggregate.InnerExceptions.All(IsTransport):
                // Azure.Core throws this when every retry failed to reach the service.
                logger.LogError(aggregate, "Storage unavailable after {Attempts} attempts", aggregate.InnerExceptions.Count);
                return Unavailable("Storage is unavailable right now. Try again shortly.");
            default:
                logger.LogError(exception, "Unhandled error");
                return Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side.",
                    "The error has been logged. Try again, and tell the hub's operators if it keeps happening.");
        }
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static IResult Unavailable(string detail)
    {
        var result = Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable.", detail);
        return new WithHeader(result, "Retry-After", "5");
    }

    private static bool IsUnavailable(RequestFailedException ex) =>
        ex.Status is 0 or 408 or 429 or >= 500 || ex.InnerException is HttpRequestException or SocketException or TimeoutException;

    private static bool IsTransport(Exception ex) =>
        ex is HttpRequestException or SocketException or TimeoutException || (ex is RequestFailedException storage && IsUnavailable(storage));

    private static string Summarise(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Take(5).Select(e => $"{e.Key} {string.Join(", ", e.Value)}")) +
        (errors.Count > 5 ? $"; and {errors.Count - 5} more" : string.Empty);

    private sealed class WithHeader(IResult inner, string name, string value) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
