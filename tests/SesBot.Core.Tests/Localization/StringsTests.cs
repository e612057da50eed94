using SesBot.Core.Localization;

namespace SesBot.Core.Tests.Localization;

/// <summary><see cref="Strings"/> keeps what it read per language: a text read in one language never answers another.</summary>
public sealed class StringsTests
{
    private static readonly Strings Texts = Strings.For(typeof(SesBot.Core.Policy.PolicyTexts));

    [Fact]
    public void SameKey_ReadAgainInEachLanguage_GivesThatLanguagesText()
    {
        string english, german, englishAgain, germanAgain;
        using (new InCulture("en-US"))
        {
            english = Texts["BillingDataWarning"];
        }

        using (new InCulture("de-DE"))
        {
            german = Texts["BillingDataWarning"];
            germanAgain = Texts["BillingDataWarning"];
        }

        using (new InCulture("en-US"))
        {
            englishAgain = Texts["BillingDataWarning"];
        }

        Assert.StartsWith("This account has billing data in SES.", english, StringComparison.Ordinal);
        Assert.StartsWith("Dieses Konto hat Abrechnungsdaten in SES.", german, StringComparison.Ordinal);
        Assert.Equal(english, englishAgain);
        Assert.Equal(german, germanAgain);
    }

    [Fact]
    public void MissingKey_ThrowsEveryTime_FindGivesNull()
    {
        using var culture = new InCulture("fr-FR");

        Assert.Throws<InvalidOperationException>(() => Texts["No.Such.Text"]);
        Assert.Throws<InvalidOperationException>(() => Texts["No.Such.Text"]);
        Assert.Null(Texts.Find("No.Such.Text"));
    }

    [Fact]
    public void KeysBuiltFromData_KeptUpToTheLimit_ThenReadEachTime()
    {
        var texts = Strings.For(typeof(SesBot.Core.Policy.PolicyTexts)); // an instance of its own, empty
        using var culture = new InCulture("en-US");

        for (var i = 0; i < Strings.MaxRemembered + 500; i++)
        {
            Assert.Null(texts.Find($"Country.X{i}"));
        }

        Assert.Equal(Strings.MaxRemembered, texts.Remembered);
        Assert.StartsWith("This account has billing data in SES.", texts["BillingDataWarning"], StringComparison.Ordinal); // still read, not kept
        Assert.Equal(Strings.MaxRemembered, texts.Remembered);
    }
}
