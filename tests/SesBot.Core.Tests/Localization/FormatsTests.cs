using SesBot.Core.Localization;

namespace SesBot.Core.Tests.Localization;

public sealed class FormatsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 14, 5, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("en-US", "4 Dec 2026", "4 Dec 2026 13:05 UTC", "December 2026")]
    [InlineData("de-DE", "4. Dez. 2026", "4. Dez. 2026, 13:05 UTC", "Dezember 2026")]
    [InlineData("fr-FR", "4 déc. 2026", "4 déc. 2026 à 13:05 UTC", "décembre 2026")]
    public void Dates_InCulture_AreWrittenItsWay(string culture, string day, string instant, string month)
    {
        using var _ = new InCulture(culture);
        Assert.Equal(day, Formats.Day(At));
        Assert.Equal(day, Formats.Day(new DateOnly(2026, 12, 4)));
        Assert.Equal(instant, Formats.Instant(At));
        Assert.Equal(month, Formats.Month(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("en-US", "1,234.50 USD", "6.45 %", "A, B and C")]
    [InlineData("de-DE", "1.234,50 USD", "6,45 %", "A, B und C")]
    [InlineData("fr-FR", "1\u202F234,50 USD", "6,45 %", "A, B et C")]
    public void Numbers_InCulture_UseItsSeparators(string culture, string money, string percent, string list)
    {
        using var _ = new InCulture(culture);
        Assert.Equal(money, Formats.Money(1234.5m, "USD"));
        Assert.Equal(percent, Formats.Percent(6.4516m));
        Assert.Equal(list, Formats.List(["A", "B", "C"]));
    }
}
