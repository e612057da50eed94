using System.Globalization;
using SesBot.Core.Localization;

namespace SesBot.Core.Tests.Localization;

public sealed class PluralRulesTests
{
    [Theory]
    [InlineData("en", 0, PluralForm.Other)]
    [InlineData("en", 1, PluralForm.One)]
    [InlineData("en", 2, PluralForm.Other)]
    [InlineData("de-DE", 0, PluralForm.Other)]
    [InlineData("de-DE", 1, PluralForm.One)]
    [InlineData("de-DE", 21, PluralForm.Other)]
    [InlineData("fr-FR", 0, PluralForm.One)]
    [InlineData("fr-FR", 1, PluralForm.One)]
    [InlineData("fr-CA", 2, PluralForm.Other)]
    public void For_Count_TakesTheLanguagesForm(string culture, long count, PluralForm expected) =>
        Assert.Equal(expected, PluralRules.For(CultureInfo.GetCultureInfo(culture), count));
}
