using SesBot.Core.Localization;

namespace SesBot.Core.Tests.Localization;

public sealed class SupportedCulturesTests
{
    [Theory]
    [InlineData("de-DE", "de-DE")]
    [InlineData("de-ch", "de-CH")]
    [InlineData("fr-CA", "fr-CA")]
    [InlineData("en-US", "en-US")]
    [InlineData("fr", "fr")]
    public void Match_SpokenLanguage_KeepsTheLocalesCulture(string locale, string expected) =>
        Assert.Equal(expected, SupportedCultures.Match(locale)?.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("es-ES")]
    [InlineData("ja")]
    [InlineData("not a locale")]
    [InlineData("xx-YY-zz-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Match_OtherOrMalformed_IsNull(string? locale) => Assert.Null(SupportedCultures.Match(locale));
}
