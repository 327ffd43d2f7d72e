namespace SharingHub.Common;

/// <summary>A failure the caller can act on. <see cref="Http.ProblemMapper"/> turns each kind into ProblemDetails.</summary>
public abstract class HubException(string message) : Exception(message);

/// <summary>400: one or more fields are wrong. Keys are JSON field paths ("title", "targets[2]", "row 14.kommunenummer").</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : HubException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>404.</summary>
public sealed class NotFoundException(string entity, string id) : HubException($"{entity} '{id}' does not exist.");

/// <summary>409: the request conflicts with the entity's current state (illegal status transition, duplicate).</summary>
public sealed class ConflictException(string detail) : HubException(detail);

/// <summary>412: If-Match does not match the current version.</summary>
public sealed class PreconditionFailedException(string detail) : HubException(detail);

/// <summary>428: the route changes shared state and needs If-Match.</summary>
public sealed class PreconditionRequiredException(string detail) : HubException(detail);

/// <summary>415.</summary>
public sealed class UnsupportedMediaTypeException(string detail) : HubException(detail);

/// <summary>413.</summary>
public sealed class PayloadTooLargeException(string detail) : HubException(detail);

/// <summary>422: well-formed but cannot be processed (an Idempotency-Key reused with another body).</summary>
public sealed class UnprocessableException(string detail) : HubException(detail);

/// <summary>503: a backing service (storage, Graph) cannot be reached. Never carries connection details.</summary>
public sealed class DependencyUnavailableException(string dependency, Exception? inner = null)
    : HubException($"{dependency} is unavailable right now. Try again shortly.")
{
    public Exception? Inner { get; } = inner;
}

/// <summary>401: no credentials, or credentials that are unknown, revoked or expired. Never says which secret was tried.</summary>
public sealed class UnauthenticatedException(string detail) : HubException(detail);

/// <summary>403: the caller is known but its role or scope does not cover this action.</summary>
public sealed class ForbiddenException(string detail) : HubException(detail);

/// <summary>429: the caller's rate limit is used up; <see cref="RetryAfter"/> says when to come back.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, string? detail = null)
    : HubException(detail ?? "Too many requests. Slow down and retry after the time in Retry-After.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
