using System.Globalization;

namespace SesBot.Core.Localization;

/// <summary>
/// Dates, numbers and money for the current culture: the date patterns come from the resources (each language
/// writes a day its own way), month names and number separators from the culture.
/// </summary>
public static class Formats
{
    private static readonly Strings S = Strings.For(typeof(Formats));

    /// <summary>"4 Dec 2026" / "4. Dez. 2026" / "4 déc. 2026", the day in UTC.</summary>
    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString(S["Pattern.Day"], CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString(S["Pattern.Day"], CultureInfo.CurrentCulture);

    /// <summary>"4 Dec 2026 14:05 UTC" / "4. Dez. 2026, 14:05 UTC".</summary>
    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString(S["Pattern.Instant"], CultureInfo.CurrentCulture);

    /// <summary>"31 Dec 2026 23:59:59 UTC" / "31. Dez. 2026, 23:59:59 UTC", an instant to the second (a billing transfer's end).</summary>
    public static string Second(DateTimeOffset at) => at.ToUniversalTime().ToString(S["Pattern.Second"], CultureInfo.CurrentCulture);

    /// <summary>"December 2026" / "Dezember 2026" / "décembre 2026".</summary>
    public static string Month(DateOnly month) => month.ToString(S["Pattern.Month"], CultureInfo.CurrentCulture);

    /// <summary>"1,234.50 USD" / "1.234,50 USD" / "1 234,50 USD": the amount in the culture's number format, with the currency code.</summary>
    public static string Money(decimal amount, string currency) =>
        S.Format("Money", amount.ToString("N2", CultureInfo.CurrentCulture), currency);

    /// <summary>"6.45 %" / "6,45 %".</summary>
    public static string Percent(decimal percent) => S.Format("Percent", percent.ToString("0.##", CultureInfo.CurrentCulture));

    /// <summary>A whole number with the culture's group separator.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"A, B and C" / "A, B und C" / "A, B et C".</summary>
    public static string List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return all.Count switch
        {
            0 => string.Empty,
            1 => all[0],
            _ => S.Format("List.Last", string.Join(S["List.Separator"], all[..^1]), all[^1]),
        };
    }
}
