namespace SharingHub.Webinars;

public static class WebinarRules
{
    public const string DefaultSeries = "baerekraftsfredag";
    public const int TitleMax = 200;
    public const int DescriptionMax = 5_000;
    public const int AudienceMax = 10;
    public const int PresentationsMax = 20;
    public const int SpeakersMax = 10;
    public const int OffsetMaxSeconds = 24 * 60 * 60;

    private static readonly string[] StatusNames = ["planned", "held", "published"];

    public static IReadOnlyList<string> Statuses => StatusNames;

    /// <summary>The status a JSON name stands for, or null when it is not one.</summary>
    public static WebinarStatus? ParseStatus(string? name)
    {
        var index = Array.IndexOf(StatusNames, name?.Trim());
        return index < 0 ? null : (WebinarStatus)index;
    }

    /// <summary>Ids the hub issues are lowercase hex; anything else cannot name a row and is simply not found.</summary>
    public static bool IsId(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static string Status(WebinarStatus status) => StatusNames[(int)status];
}
