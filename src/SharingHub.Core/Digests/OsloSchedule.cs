using SharingHub.Subscriptions;

namespace SharingHub.Digests;

/// <summary>
/// When a cadence last fell due, computed in Europe/Oslo. A local hour that does not exist (02:00 on the last Sunday
/// of March) is moved to the next one that does (03:00); an hour that happens twice (02:00 on the last Sunday of
/// October) is its first occurrence. A monthly day past the month's end (31 in a 30-day month) is the month's last day.
/// </summary>
public static class OsloSchedule
{
    public static TimeZoneInfo Oslo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <param name="lastWebinarDay">The local date of the latest Bærekraftsfredag held, for <see cref="CadenceKind.AfterWebinar"/>.</param>
    public static DateTimeOffset? LatestOccurrence(Cadence cadence, DateTimeOffset now, DateOnly? lastWebinarDay = null)
    {
        var local = TimeZoneInfo.ConvertTime(now, Oslo).DateTime;
        switch (cadence.Kind)
        {
            case CadenceKind.Weekly:
                var day = cadence.DayOfWeek ?? DayOfWeek.Monday;
                var date = DateOnly.FromDateTime(local).AddDays(-(((int)local.DayOfWeek - (int)day + 7) % 7));
                var weekly = At(date, cadence.Hour);
                return weekly <= now ? weekly : At(date.AddDays(-7), cadence.Hour);
            case CadenceKind.Monthly:
                var month = new DateOnly(local.Year, local.Month, 1);
                var monthly = At(DayIn(month, cadence.DayOfMonth ?? 1), cadence.Hour);
                return monthly <= now ? monthly : At(DayIn(month.AddMonths(-1), cadence.DayOfMonth ?? 1), cadence.Hour);
            case CadenceKind.AfterWebinar when lastWebinarDay is { } webinar:
                var after = At(webinar.AddDays(1), cadence.Hour);
                return after <= now ? after : null;
            default:
                return null;
        }
    }

    /// <summary>The instant of a local date and whole hour in Oslo.</summary>
    public static DateTimeOffset At(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        while (Oslo.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Oslo.IsAmbiguousTime(local) ? Oslo.GetAmbiguousTimeOffsets(local).Max() : Oslo.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateOnly DayIn(DateOnly firstOfMonth, int day) =>
        firstOfMonth.AddDays(Math.Min(day, DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month)) - 1);
}
