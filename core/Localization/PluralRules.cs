using System.Globalization;

namespace SesBot.Core.Localization;

/// <summary>
/// Which plural form a count takes in a language (CLDR's cardinal rules, reduced to the two forms English, German and
/// French have for whole numbers): English and German use "one" for 1 only; French uses "one" for 0 and 1.
/// </summary>
public static class PluralRules
{
    public static PluralForm For(CultureInfo culture, long count)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "fr" => count is 0 or 1 ? PluralForm.One : PluralForm.Other,
            _ => count == 1 ? PluralForm.One : PluralForm.Other,
        };
    }
}
