namespace SharingHub.SignIn;

/// <summary>
/// The server's half of a session: the cookie carries the caller's claims and this id; the session lives only while this
/// record does, so signing out (which deletes it) ends the session even for a copy of the old cookie.
/// </summary>
public sealed record SignInSession
{
    public required string Id { get; init; }

    /// <summary>The caller it was made for ("apikey:{id}", "bootstrap", "entra:{tenant}:{object id}").</summary>
    public required string CallerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The latest a session can last, renewals included.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>For the bootstrap key: a hash of the key it signed in with, so replacing that setting ends its sessions.</summary>
    public string? Fingerprint { get; init; }
}

public interface ISignInSessionStore
{
    Task AddAsync(SignInSession session, CancellationToken ct);

    Task<SignInSession?> GetAsync(string id, CancellationToken ct);

    Task RemoveAsync(string id, CancellationToken ct);
}
