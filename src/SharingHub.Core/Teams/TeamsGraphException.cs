namespace SharingHub.Teams;

/// <summary>Graph said no. <see cref="IsTransient"/> failures (429, 503, timeouts) are retried; 403/404 are final.</summary>
public sealed class TeamsGraphException(int status, TimeSpan? retryAfter, string reason, Exception? inner = null)
    : Exception($"Graph answered {status}: {reason}", inner)
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string Reason { get; } = reason;

    public bool IsTransient => Status is 429 or 500 or 502 or 503 or 504;
}
