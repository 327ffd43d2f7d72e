namespace SharingHub.SignIn;

/// <summary>
/// Where to go after signing in (<c>?tilbake=</c>): a path on this site only, never another site (an open redirect would
/// let a phishing link borrow the hub's address). Anything else goes to the workspace's front page.
/// </summary>
public static class LocalReturn
{
    public const string Parameter = "tilbake";
    public const string Default = "/arbeid";

    public static string Of(string? requested) => IsLocal(requested) ? requested! : Default;

    /// <summary>
    /// "/x…" but not "//host" or "/\host" (browsers read both as another host), no control characters or backslashes
    /// (some browsers turn "\" into "/"), and nothing a browser could read as a scheme.
    /// </summary>
    public static bool IsLocal(string? path) =>
        path is { Length: > 0 and <= 2000 }
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(c => char.IsControl(c) || c == '\\')
        && Uri.TryCreate(path, UriKind.Relative, out _);
}
