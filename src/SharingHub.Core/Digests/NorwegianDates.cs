using System.Globalization;

namespace SharingHub.Digests;

/// <summary>Bokmål dates ("mandag 23. november 2026", "kl. 09.00") in Oslo time, independent of the machine's culture data.</summary>
public static class NorwegianDates
{
    private static readonly string[] Months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
    private static readonly string[] Days = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    public static string Date(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OsloSchedule.Oslo);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day}. {Months[local.Month - 1]} {local.Year}");
    }

    public static string DayAndDate(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OsloSchedule.Oslo);
        return $"{Days[(int)local.DayOfWeek]} {Date(instant)}";
    }

    public static string Time(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OsloSchedule.Oslo);
        return string.Create(CultureInfo.InvariantCulture, $"kl. {local.Hour:00}.{local.Minute:00}");
    }
}
