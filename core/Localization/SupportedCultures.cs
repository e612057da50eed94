using System.Globalization;

namespace SesBot.Core.Localization;

/// <summary>
/// The languages SesBot speaks (English, the neutral resources, then German and French) and how a channel's locale
/// ("de-DE", "fr-CA", "en-us") is matched to one of them.
/// </summary>
public static class SupportedCultures
{
    /// <summary>The language of the neutral resources, used when nothing better is known.</summary>
    public static CultureInfo Default { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>The languages with resources, neutral first.</summary>
    public static IReadOnlyList<CultureInfo> All { get; } =
        [Default, CultureInfo.GetCultureInfo("de"), CultureInfo.GetCultureInfo("fr")];

    /// <summary>
    /// The culture for a locale the channel sent, when its language is one SesBot speaks: the locale's own culture
    /// (so "de-CH" formats numbers the Swiss way and reads the German texts); null for none, a malformed locale or
    /// another language.
    /// </summary>
    public static CultureInfo? Match(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > MaxLocaleLength)
        {
            return null;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }

        return All.Any(c => c.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName) ? culture : null;
    }

    /// <summary>
    /// Runs <paramref name="render"/> in <paramref name="culture"/> (UI and formatting) and puts the caller's cultures
    /// back: for text meant for someone other than the person of the turn (the support channel, an apology written
    /// after the turn).
    /// </summary>
    public static T In<T>(CultureInfo culture, Func<T> render)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(render);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    /// <summary>The longest locale kept (a BCP 47 tag as channels send it, e.g. "en-US").</summary>
    public const int MaxLocaleLength = 35;
}
