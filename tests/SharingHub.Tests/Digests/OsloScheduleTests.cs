using SharingHub.Digests;
using SharingHub.Subscriptions;

namespace SharingHub.Tests.Digests;

/// <summary>The hourly due-job's decision, simulated hour by hour across the daylight-saving changes in Europe/Oslo.</summary>
public sealed class OsloScheduleTests
{
    /// <summary>Ticks the job every hour from <paramref name="from"/> for <paramref name="days"/> days; returns the occurrences it fired.</summary>
    private static List<DateTimeOffset> Fire(Cadence cadence, DateTimeOffset from, int days, int tickMinute = 0)
    {
        var fired = new List<DateTimeOffset>();
        DateTimeOffset? handled = from;
        for (var now = from.AddMinutes(tickMinute); now < from.AddDays(days); now = now.AddHours(1))
        {
            if (OsloSchedule.LatestOccurrence(cadence, now) is { } at && at > handled)
            {
                fired.Add(at);
                handled = at;
            }
        }
        return fired;
    }

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, OsloSchedule.Oslo).DateTime;

    [Theory]
    [InlineData("2027-03-20T00:00:00Z")] // spring forward: Sunday 28 March 2027
    [InlineData("2027-10-23T00:00:00Z")] // fall back: Sunday 31 October 2027
    public void WeeklyMondayAtEightFiresExactlyOncePerWeekAcrossTheChange(string start)
    {
        var fired = Fire(new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Monday, Hour = 8 }, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days: 21, tickMinute: 5);

        Assert.Equal(3, fired.Count);
        Assert.All(fired, at => Assert.Equal((DayOfWeek.Monday, 8, 0), (Local(at).DayOfWeek, Local(at).Hour, Local(at).Minute)));
        Assert.Equal(3, fired.Select(at => Local(at).Date).Distinct().Count());
    }

    [Fact]
    public void SundayAtTwoInTheSpringGapFiresOnceAtThree()
    {
        var fired = Fire(new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Sunday, Hour = 2 }, new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero), days: 2);

        var at = Assert.Single(fired);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), at); // 03:00 CEST
    }

    [Fact]
    public void SundayAtTwoInTheRepeatedAutumnHourFiresOnceAtTheFirst()
    {
        var fired = Fire(new Cadence { Kind = CadenceKind.Weekly, DayOfWeek = DayOfWeek.Sunday, Hour = 2 }, new DateTimeOffset(2027, 10, 30, 0, 0, 0, TimeSpan.Zero), days: 2);

        var at = Assert.Single(fired);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 0, 0, TimeSpan.Zero), at); // the first 02:00, still CEST
    }

    [Fact]
    public void MonthlyOnTheThirtyFirstFiresOnTheLastDayOfShorterMonths()
    {
        var fired = Fire(new Cadence { Kind = CadenceKind.Monthly, DayOfMonth = 31, Hour = 9 }, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), days: 120);

        Assert.Equal(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"], fired.Select(at => Local(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(fired, at => Assert.Equal(9, Local(at).Hour));
    }

    [Fact]
    public void AfterWebinarFiresTheDayAfterTheLatestEpisode()
    {
        var cadence = new Cadence { Kind = CadenceKind.AfterWebinar, Hour = 8 };
        var friday = new DateOnly(2027, 3, 26);

        Assert.Null(OsloSchedule.LatestOccurrence(cadence, new DateTimeOffset(2027, 3, 27, 6, 0, 0, TimeSpan.Zero), friday));
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 7, 0, 0, TimeSpan.Zero), OsloSchedule.LatestOccurrence(cadence, new DateTimeOffset(2027, 3, 27, 7, 30, 0, TimeSpan.Zero), friday));
    }

    [Fact]
    public void NorwegianDatesAreInBokmal()
    {
        var instant = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal("mandag 23. november 2026", NorwegianDates.DayAndDate(instant));
        Assert.Equal("kl. 09.00", NorwegianDates.Time(instant));
    }
}
