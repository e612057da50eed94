using System.Globalization;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Domain;

/// <summary>
/// AWS ends a withdrawn billing transfer at 23:59:59 UTC on the last day of the month; what the reseller invoices runs
/// to that instant on the usual basis (whole UTC days, share = days / days in the month).
/// </summary>
public sealed class BillingTransferTermsTests
{
    [Theory]
    [InlineData("2026-12-04T10:00:00Z", "2026-12-31T23:59:59Z")]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-31T23:59:59Z")]
    [InlineData("2026-12-31T23:59:59Z", "2026-12-31T23:59:59Z")]
    [InlineData("2027-01-01T00:00:00Z", "2027-01-31T23:59:59Z")]
    [InlineData("2028-02-10T08:00:00Z", "2028-02-29T23:59:59Z")]
    [InlineData("2027-02-10T08:00:00Z", "2027-02-28T23:59:59Z")]
    [InlineData("2026-04-30T23:30:00-02:00", "2026-05-31T23:59:59Z")] // 1 May 01:30 UTC
    public void EndIfEndedAt_AnyInstant_LastSecondOfItsUtcMonth(string now, string expected)
    {
        var end = BillingTransferTerms.EndIfEndedAt(Parse(now));

        Assert.Equal(Parse(expected), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
        Assert.Equal(1, end.AddSeconds(1).Day);
    }

    [Theory]
    [InlineData("rt-coho7x2k9m4q", true)]
    [InlineData("rt-12345678", true)]
    [InlineData("rt-1234567", false)]
    [InlineData("rt-Coho7x2k9m4q", false)]
    [InlineData("rt-123456789012345678901234567890123", false)]
    [InlineData("h-12345678", false)]
    [InlineData(null, false)]
    public void IsTransferId_TheAwsPattern(string? id, bool expected) => Assert.Equal(expected, BillingTransferTerms.IsTransferId(id));

    [Fact]
    public void UntilTransferEnds_TransferFromEarlierMonths_WholeMonthToTheLastSecond()
    {
        var impact = BillingImpactCalculator.UntilTransferEnds(Parse("2026-09-01T00:00:00Z"), Parse("2026-12-04T10:00:00Z"));

        Assert.Equal(Parse("2026-12-01T00:00:00Z"), impact.PeriodStart);
        Assert.Equal(Parse("2026-12-31T23:59:59Z"), impact.PeriodEnd);
        Assert.Equal(new DateOnly(2026, 12, 1), impact.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 31), impact.LastDay);
        Assert.Equal(31, impact.LinkedDays);
        Assert.Equal(31, impact.DaysInMonth);
        Assert.Equal(1m, impact.FractionOfMonth);
        Assert.Equal(100m, impact.PercentOfMonth);
        Assert.Equal(new DateOnly(2026, 12, 1), impact.Month);
    }

    [Fact]
    public void UntilTransferEnds_EndedOnTheLastDay_StillTheWholeMonth()
    {
        var impact = BillingImpactCalculator.UntilTransferEnds(Parse("2026-01-01T00:00:00Z"), Parse("2027-02-28T22:00:00Z"));

        Assert.Equal(Parse("2027-02-28T23:59:59Z"), impact.PeriodEnd);
        Assert.Equal(28, impact.LinkedDays);
        Assert.Equal(28, impact.DaysInMonth);
    }

    [Fact]
    public void UntilTransferEnds_TransferStartedThisMonth_FromItsStart()
    {
        // Not how AWS starts transfers (on the 1st), but SES may have recorded a later start: the same basis applies.
        var impact = BillingImpactCalculator.UntilTransferEnds(Parse("2026-11-16T12:00:00Z"), Parse("2026-11-20T09:00:00Z"));

        Assert.Equal(new DateOnly(2026, 11, 16), impact.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 30), impact.LastDay);
        Assert.Equal(15, impact.LinkedDays);
        Assert.Equal(30, impact.DaysInMonth);
        Assert.Equal(50m, impact.PercentOfMonth);
    }

    [Fact]
    public void UntilTransferEnds_TransferStartingNextMonth_NothingOfThisMonth()
    {
        var impact = BillingImpactCalculator.UntilTransferEnds(Parse("2027-01-01T00:00:00Z"), Parse("2026-12-04T10:00:00Z"));

        Assert.Equal(0, impact.LinkedDays);
        Assert.Null(impact.LastDay);
        Assert.Equal(Parse("2026-12-31T23:59:59Z"), impact.PeriodEnd);
    }

    [Fact]
    public void WithBillingTransfer_OnlyForThatOriginAndAValidId()
    {
        var owned = TestData.Aws(AccountOrigin.CustomerOwned);
        Assert.Throws<DomainException>(() => owned.WithBillingTransfer("rt-coho7x2k9m4q", Parse("2026-09-01T00:00:00Z"), TestData.AwsNumber));

        var transferred = TestData.Aws(AccountOrigin.BillingTransfer);
        Assert.Null(transferred.BillingTransfer);
        Assert.Throws<DomainException>(() => transferred.WithBillingTransfer("rt-1", Parse("2026-09-01T00:00:00Z"), TestData.AwsNumber));
        Assert.Throws<DomainException>(() => transferred.WithBillingTransfer("rt-coho7x2k9m4q", Parse("2026-09-01T00:00:00Z"), "12"));

        transferred.WithBillingTransfer("rt-coho7x2k9m4q", Parse("2026-09-01T02:00:00+02:00"), "8901-2345-6789");

        Assert.Equal(new BillingTransfer("rt-coho7x2k9m4q", Parse("2026-09-01T00:00:00Z"), "890123456789", null), transferred.BillingTransfer);
    }

    [Fact]
    public void EndBillingTransfer_Active_DepartsAtTheEndAndCannotEndTwice()
    {
        var account = TestData.Aws(AccountOrigin.BillingTransfer).WithBillingTransfer("rt-coho7x2k9m4q", Parse("2026-09-01T00:00:00Z"), TestData.AwsNumber);
        var versionBefore = account.Version;

        account.EndBillingTransfer(Parse("2026-12-31T23:59:59Z"));

        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(Parse("2026-12-31T23:59:59Z"), account.ClosedAt);
        Assert.Equal(Parse("2026-12-31T23:59:59Z"), account.BillingTransfer!.EndsAt);
        Assert.True(account.Version > versionBefore);
        Assert.Throws<DomainException>(() => account.EndBillingTransfer(Parse("2027-01-31T23:59:59Z")));
        Assert.Throws<DomainException>(() => TestData.Aws(AccountOrigin.CustomerOwned).EndBillingTransfer(Parse("2026-12-31T23:59:59Z")));
    }

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
