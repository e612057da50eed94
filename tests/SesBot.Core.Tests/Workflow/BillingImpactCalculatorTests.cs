using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Workflow;

public sealed class BillingImpactCalculatorTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Calculate_LinkedMidMonth_StartsAtLinkInstant()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 3, 10, 12), Utc(2027, 3, 20, 12));

        Assert.Equal(Utc(2027, 3, 10, 12), impact.PeriodStart);
        Assert.Equal(Utc(2027, 3, 20, 12), impact.PeriodEnd);
        Assert.Equal(new DateOnly(2027, 3, 10), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 3, 20), impact.LastDay);
        Assert.Equal(11, impact.LinkedDays);
        Assert.Equal(31, impact.DaysInMonth);
        Assert.Equal(decimal.Round(11m / 31m, 4), impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_LinkedBeforeTheMonth_StartsAtMonthStart()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2025, 6, 3), Utc(2027, 4, 16));

        Assert.Equal(Utc(2027, 4, 1), impact.PeriodStart);
        Assert.Equal(new DateOnly(2027, 4, 1), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 4, 15), impact.LastDay);
        Assert.Equal(15, impact.LinkedDays);
        Assert.Equal(30, impact.DaysInMonth);
        Assert.Equal(0.5m, impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_LinkedInPreviousMonthLastSecond_StartsAtMonthStart()
    {
        var impact = BillingImpactCalculator.Calculate(new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero), Utc(2027, 2, 2));

        Assert.Equal(Utc(2027, 2, 1), impact.PeriodStart);
        Assert.Equal(1, impact.LinkedDays);
        Assert.Equal(new DateOnly(2027, 2, 1), impact.LastDay);
    }

    [Fact]
    public void Calculate_RemovalExactlyAtMidnightOnThe1st_NothingLinkedThisMonth()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 12, 5), Utc(2027, 1, 1));

        Assert.Equal(Utc(2027, 1, 1), impact.PeriodStart);
        Assert.Equal(Utc(2027, 1, 1), impact.PeriodEnd);
        Assert.Equal(new DateOnly(2027, 1, 1), impact.FirstDay);
        Assert.Null(impact.LastDay);
        Assert.Equal(0, impact.LinkedDays);
        Assert.Equal(31, impact.DaysInMonth);
        Assert.Equal(0m, impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_RemovalLaterOnThe1st_OnePartDay()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 12, 5), Utc(2027, 1, 1, 6));

        Assert.Equal(new DateOnly(2027, 1, 1), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 1, 1), impact.LastDay);
        Assert.Equal(1, impact.LinkedDays);
        Assert.Equal(decimal.Round(1m / 31m, 4), impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_RemovalOneMinuteAfterMidnightOnThe1st_CountsThe1st()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 12, 5), Utc(2027, 1, 1, 0, 1));

        Assert.Equal(1, impact.LinkedDays);
        Assert.Equal(new DateOnly(2027, 1, 1), impact.LastDay);
        Assert.Equal(0.0323m, impact.FractionOfMonth); // the 1st counts as a whole day: 1 of 31
    }

    [Fact]
    public void Calculate_RemovalAtMidnightMidMonth_LastDayIsTheDayBefore()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 1, 1), Utc(2027, 1, 16));

        Assert.Equal(new DateOnly(2027, 1, 15), impact.LastDay);
        Assert.Equal(15, impact.LinkedDays);
        Assert.Equal(decimal.Round(15m / 31m, 4), impact.FractionOfMonth);
    }

    [Theory]
    [InlineData(2027, 2, 28)] // February, common year
    [InlineData(2028, 2, 29)] // February, leap year
    [InlineData(2027, 4, 30)]
    [InlineData(2027, 1, 31)]
    [InlineData(2027, 11, 30)]
    [InlineData(2027, 12, 31)]
    public void Calculate_RemovalAtEndOfMonth_WholeMonthIsLinked(int year, int month, int days)
    {
        var endOfMonth = Utc(year, month, 1).AddMonths(1).AddTicks(-1);

        var impact = BillingImpactCalculator.Calculate(Utc(2020, 1, 1), endOfMonth);

        Assert.Equal(days, impact.DaysInMonth);
        Assert.Equal(days, impact.LinkedDays);
        Assert.Equal(new DateOnly(year, month, days), impact.LastDay);
        Assert.Equal(1m, impact.FractionOfMonth);
    }

    [Theory]
    [InlineData(2027, 2, 14, 0.5)] // halfway is 00:00 on the 15th: 14 of 28 days
    [InlineData(2028, 2, 15, 0.5172)] // halfway is 12:00 on the 15th: 15 of 29 days
    [InlineData(2027, 4, 15, 0.5)] // halfway is 00:00 on the 16th: 15 of 30 days
    [InlineData(2027, 1, 16, 0.5161)] // halfway is 12:00 on the 16th: 16 of 31 days
    public void Calculate_RemovalHalfwayThroughMonth_WholeDaysNotHours(int year, int month, int linkedDays, double expected)
    {
        var days = DateTime.DaysInMonth(year, month);
        var halfway = Utc(year, month, 1).AddHours(days * 12);

        var impact = BillingImpactCalculator.Calculate(Utc(2020, 1, 1), halfway);

        Assert.Equal(days, impact.DaysInMonth);
        Assert.Equal(linkedDays, impact.LinkedDays);
        Assert.Equal((decimal)expected, impact.FractionOfMonth);
        Assert.Equal(decimal.Round(linkedDays * 100m / days, 2), impact.PercentOfMonth);
    }

    [Fact]
    public void Calculate_LeapDay_IsALinkedDay()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2028, 2, 28, 12), Utc(2028, 2, 29, 23));

        Assert.Equal(new DateOnly(2028, 2, 28), impact.FirstDay);
        Assert.Equal(new DateOnly(2028, 2, 29), impact.LastDay);
        Assert.Equal(2, impact.LinkedDays);
        Assert.Equal(29, impact.DaysInMonth);
    }

    [Fact]
    public void Calculate_RemovalOnThe1stOfMarch_UsesMarchNotFebruary()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 2, 10), Utc(2027, 3, 1, 12));

        Assert.Equal(31, impact.DaysInMonth);
        Assert.Equal(Utc(2027, 3, 1), impact.PeriodStart);
        Assert.Equal(1, impact.LinkedDays);
    }

    [Fact]
    public void Calculate_RemovalWithPositiveOffsetStillInPreviousMonthInUtc_UsesUtcMonth()
    {
        // 1 March 2027 00:30 in Berlin (+01:00) is 28 February 2027 23:30 UTC: still February.
        var removal = new DateTimeOffset(2027, 3, 1, 0, 30, 0, TimeSpan.FromHours(1));

        var impact = BillingImpactCalculator.Calculate(Utc(2027, 1, 1), removal);

        Assert.Equal(TimeSpan.Zero, impact.PeriodEnd.Offset);
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 23, 30, 0, TimeSpan.Zero), impact.PeriodEnd);
        Assert.Equal(Utc(2027, 2, 1), impact.PeriodStart);
        Assert.Equal(28, impact.DaysInMonth);
        Assert.Equal(28, impact.LinkedDays);
        Assert.Equal(new DateOnly(2027, 2, 28), impact.LastDay);
    }

    [Fact]
    public void Calculate_RemovalWithNegativeOffsetAlreadyNextMonthInUtc_UsesUtcMonth()
    {
        // 31 March 2027 20:00 in New York (-04:00) is 1 April 2027 00:00 UTC.
        var removal = new DateTimeOffset(2027, 3, 31, 20, 0, 0, TimeSpan.FromHours(-4));

        var impact = BillingImpactCalculator.Calculate(Utc(2027, 1, 1), removal);

        Assert.Equal(Utc(2027, 4, 1), impact.PeriodStart);
        Assert.Equal(Utc(2027, 4, 1), impact.PeriodEnd);
        Assert.Equal(30, impact.DaysInMonth);
        Assert.Equal(0, impact.LinkedDays);
        Assert.Null(impact.LastDay);
    }

    [Fact]
    public void Calculate_LinkWithOffsetCrossingDayBoundary_FirstDayIsUtcDay()
    {
        // 10 March 2027 23:00 in Los Angeles (-08:00) is 11 March 2027 07:00 UTC.
        var linked = new DateTimeOffset(2027, 3, 10, 23, 0, 0, TimeSpan.FromHours(-8));

        var impact = BillingImpactCalculator.Calculate(linked, Utc(2027, 3, 13, 7));

        Assert.Equal(Utc(2027, 3, 11, 7), impact.PeriodStart);
        Assert.Equal(new DateOnly(2027, 3, 11), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 3, 13), impact.LastDay);
        Assert.Equal(3, impact.LinkedDays);
        Assert.Equal(decimal.Round(3m / 31m, 4), impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_LinkWithOffsetInPreviousMonthLocallyButThisMonthInUtc_StartsAtLink()
    {
        // 31 May 2027 22:00 at -05:00 is 1 June 2027 03:00 UTC: linked in June, not before it.
        var linked = new DateTimeOffset(2027, 5, 31, 22, 0, 0, TimeSpan.FromHours(-5));

        var impact = BillingImpactCalculator.Calculate(linked, Utc(2027, 6, 2, 3));

        Assert.Equal(Utc(2027, 6, 1, 3), impact.PeriodStart);
        Assert.Equal(new DateOnly(2027, 6, 1), impact.FirstDay);
        Assert.Equal(2, impact.LinkedDays);
        Assert.Equal(decimal.Round(2m / 30m, 4), impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_SameInstantInDifferentOffsets_SameImpact()
    {
        var utc = BillingImpactCalculator.Calculate(Utc(2027, 3, 5, 10), Utc(2027, 3, 20, 18));
        var shifted = BillingImpactCalculator.Calculate(
            new DateTimeOffset(2027, 3, 5, 15, 30, 0, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.FromHours(-9)));

        Assert.Equal(utc, shifted);
    }

    [Fact]
    public void Calculate_LinkAndRemovalSameInstant_ZeroDays()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 3, 10, 9), Utc(2027, 3, 10, 9));

        Assert.Equal(0, impact.LinkedDays);
        Assert.Null(impact.LastDay);
        Assert.Equal(0m, impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_LinkedAndRemovedWithinOneDay_OneDay()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 4, 10, 9), Utc(2027, 4, 10, 21));

        Assert.Equal(1, impact.LinkedDays);
        Assert.Equal(new DateOnly(2027, 4, 10), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 4, 10), impact.LastDay);
        Assert.Equal(decimal.Round(1m / 30m, 4), impact.FractionOfMonth);
    }

    [Fact]
    public void Calculate_LinkedLateEveningRemovedAtNextMidnight_OneDay()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 4, 10, 23), Utc(2027, 4, 11));

        Assert.Equal(1, impact.LinkedDays);
        Assert.Equal(new DateOnly(2027, 4, 10), impact.LastDay);
    }

    [Fact]
    public void Calculate_RemovalBeforeLink_Throws()
    {
        var error = Assert.Throws<DomainException>(() => BillingImpactCalculator.Calculate(Utc(2027, 3, 10), Utc(2027, 3, 9)));

        Assert.Contains("cannot come before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_RemovalBeforeLinkOnlyInUtc_Throws()
    {
        // The removal reads later on the wall clock, but is an earlier instant.
        var linked = Utc(2027, 3, 10, 12);
        var removal = new DateTimeOffset(2027, 3, 10, 13, 0, 0, TimeSpan.FromHours(2));

        Assert.Throws<DomainException>(() => BillingImpactCalculator.Calculate(linked, removal));
    }

    [Theory]
    [InlineData(1, 0.0333)]
    [InlineData(10, 0.3333)]
    [InlineData(20, 0.6667)]
    [InlineData(29, 0.9667)]
    public void Calculate_WholeDaysOfA30DayMonth_FractionRoundedToFourDecimals(int days, double expected)
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 4, 1), Utc(2027, 4, 1).AddDays(days));

        Assert.Equal((decimal)expected, impact.FractionOfMonth);
        Assert.Equal(days, impact.LinkedDays);
    }

    // ---- The figures the billing preview card shows (one basis: whole UTC days, inclusive; share = days / days in month) ----

    [Fact]
    public void Calculate_LinkedOnThe3rdRemovedOnThe4th_TwoDaysOf31Is6Point45Percent()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 12, 3, 14), Utc(2026, 12, 4, 9, 30));

        Assert.Equal((new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4)), (impact.FirstDay, impact.LastDay!.Value));
        Assert.Equal((2, 31), (impact.LinkedDays, impact.DaysInMonth));
        Assert.Equal(0.0645m, impact.FractionOfMonth);
        Assert.Equal(6.45m, impact.PercentOfMonth);
        Assert.Equal(new DateOnly(2026, 12, 1), impact.Month);
    }

    [Fact]
    public void Calculate_LinkedBeforeTheMonthRemovedOnThe1stMorning_FromMonthStartOneDay()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 5, 20), Utc(2026, 12, 1, 8));

        Assert.Equal(Utc(2026, 12, 1), impact.PeriodStart);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)), (impact.FirstDay, impact.LastDay!.Value));
        Assert.Equal((1, 31, 3.23m), (impact.LinkedDays, impact.DaysInMonth, impact.PercentOfMonth));
    }

    [Fact]
    public void Calculate_RemovedAtMidnightOnThe1st_NothingOfTheNewMonth()
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2026, 5, 20), Utc(2026, 12, 1));

        Assert.Null(impact.LastDay);
        Assert.Equal((0, 31, 0m, 0m), (impact.LinkedDays, impact.DaysInMonth, impact.FractionOfMonth, impact.PercentOfMonth));
        Assert.Equal(new DateOnly(2026, 12, 1), impact.Month);
    }

    [Theory]
    [InlineData(15, 15, 51.72)]
    [InlineData(29, 29, 100)]
    public void Calculate_FebruaryOfALeapYear_29DaysInTheMonth(int removalDay, int linkedDays, double percent)
    {
        var impact = BillingImpactCalculator.Calculate(Utc(2027, 12, 1), Utc(2028, 2, removalDay, 12));

        Assert.Equal((linkedDays, 29), (impact.LinkedDays, impact.DaysInMonth));
        Assert.Equal((decimal)percent, impact.PercentOfMonth);
        Assert.Equal(decimal.Round(linkedDays / 29m, 4), impact.FractionOfMonth);
    }
}
