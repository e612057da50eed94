using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SesBot.Core.Workflow;

/// <summary>Country names, ISO 3166 alpha-2 codes and postal-code shapes for the common countries.</summary>
internal static class Countries
{
    private static readonly Country[] Known =
    [
        new("US", "United States", Postal(@"\d{5}(-\d{4})?"), "98101 or 98101-1234", false, "USA", "United States of America", "America"),
        new("CA", "Canada", Postal(@"[A-Z]\d[A-Z] ?\d[A-Z]\d"), "K1A 0B1", true),
        new("GB", "United Kingdom", Postal(@"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"), "SW1A 1AA", true, "UK", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
        new("IE", "Ireland", Postal(@"[A-Z]\d[\dW] ?[A-Z\d]{4}"), "D02 X285", true),
        new("DE", "Germany", Postal(@"\d{5}"), "10115", false, "Deutschland"),
        new("FR", "France", Postal(@"\d{5}"), "75008"),
        new("NL", "Netherlands", Postal(@"\d{4} ?[A-Z]{2}"), "1012 AB", true, "The Netherlands", "Holland"),
        new("BE", "Belgium", Postal(@"\d{4}"), "1000"),
        new("ES", "Spain", Postal(@"\d{5}"), "28001", false, "España"),
        new("IT", "Italy", Postal(@"\d{5}"), "00184", false, "Italia"),
        new("PT", "Portugal", Postal(@"\d{4}-\d{3}"), "1000-001"),
        new("AT", "Austria", Postal(@"\d{4}"), "1010", false, "Österreich"),
        new("CH", "Switzerland", Postal(@"\d{4}"), "8001", false, "Schweiz", "Suisse"),
        new("SE", "Sweden", Postal(@"\d{3} ?\d{2}"), "111 22"),
        new("NO", "Norway", Postal(@"\d{4}"), "0150"),
        new("DK", "Denmark", Postal(@"\d{4}"), "1050"),
        new("FI", "Finland", Postal(@"\d{5}"), "00100"),
        new("PL", "Poland", Postal(@"\d{2}-\d{3}"), "00-950"),
        new("AU", "Australia", Postal(@"\d{4}"), "2000"),
        new("NZ", "New Zealand", Postal(@"\d{4}"), "6011"),
        new("IN", "India", Postal(@"[1-9]\d{2} ?\d{3}"), "110001"),
        new("JP", "Japan", Postal(@"\d{3}-?\d{4}"), "100-0001"),
        new("SG", "Singapore", Postal(@"\d{6}"), "018956"),
        new("BR", "Brazil", Postal(@"\d{5}-?\d{3}"), "01310-100", false, "Brasil"),
        new("MX", "Mexico", Postal(@"\d{5}"), "06000", false, "México"),
        new("ZA", "South Africa", Postal(@"\d{4}"), "2001"),
    ];

    private static readonly FrozenDictionary<string, Country> ByKey = Known
        .SelectMany(c => new[] { c.Code, c.Name }.Concat(c.Aliases).Select(k => (Key: k, Country: c)))
        .ToFrozenDictionary(p => p.Key, p => p.Country, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PhoneRegions =
        PhoneNumberUtil.GetInstance().GetSupportedRegions().ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a country by code or name. Any other two-letter region the phone library knows is accepted by code, without a postal shape.</summary>
    public static Country? Find(string value)
    {
        var key = value.Trim().TrimEnd('.');
        if (ByKey.TryGetValue(key, out var known))
        {
            return known;
        }

        return key.Length == 2 && PhoneRegions.Contains(key)
            ? new Country(key.ToUpperInvariant(), key.ToUpperInvariant(), null, string.Empty)
            : null;
    }

    private static Regex Postal(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
