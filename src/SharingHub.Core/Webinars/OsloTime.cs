namespace SharingHub.Webinars;

/// <summary>Episodes are announced in Norwegian time; this converts across summer and winter time.</summary>
public static class OsloTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateTimeOffset ToOslo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>"25. september 2026", without depending on the machine's culture data.</summary>
    public static string LongDate(DateTimeOffset instant)
    {
        var local = ToOslo(instant);
        return $"{local.Day}. {Months[local.Month - 1]} {local.Year}";
    }
}
