namespace SharingHub.Pages.Text;

/// <summary>Signing in and out (/logg-inn, /logg-ut), and the error pages every page route shows (401, 403, 400, 409, 429, 5xx).</summary>
public sealed record SignInText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string WithMicrosoft { get; init; }
    public required string MicrosoftHint { get; init; }
    public required string MicrosoftFailed { get; init; }
    public required string KeyHeading { get; init; }
    public required string KeyLabel { get; init; }
    public required string KeyHint { get; init; }
    public required string KeyButton { get; init; }
    public required string KeyRequired { get; init; }
    public required string KeyInvalid { get; init; }

    /// <summary>"Du er logget inn som {0}."</summary>
    public required string SignedInAs { get; init; }

    public required string SignOut { get; init; }
    public required string ToWorkspace { get; init; }

    /// <summary>The header's link on every page when nobody is signed in.</summary>
    public required string SignInLink { get; init; }

    public required string UnauthorizedTitle { get; init; }
    public required string UnauthorizedText { get; init; }
    public required string ForbiddenTitle { get; init; }
    public required string ForbiddenText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequestText { get; init; }
    public required string FormExpiredTitle { get; init; }
    public required string FormExpiredText { get; init; }
    public required string ConflictTitle { get; init; }
    public required string ConflictText { get; init; }
    public required string TooManyTitle { get; init; }
    public required string TooManyText { get; init; }
    public required string UnavailableTitle { get; init; }
    public required string UnavailableText { get; init; }
    public required string ServerErrorTitle { get; init; }
    public required string ServerErrorText { get; init; }
}
