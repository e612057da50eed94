using System.Globalization;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// How SesBot writes a billing impact, on every card alike: whole UTC days counted inclusively, and the share of the
/// month as those days over the days in the month, so the days, the share and the period always agree.
/// </summary>
public static class BillingTexts
{
    /// <summary>The basis, said once on the card that previews it.</summary>
    public const string Basis =
        "Counted in whole UTC days: a day counts when the account was linked for any part of it; the share is those days over the days in the month.";

    public static string Month(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>"3 Dec 2026 to 4 Dec 2026 (UTC)", or that the account was not linked in the month.</summary>
    public static string Period(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.LastDay is { } last
            ? $"{Texts.Day(impact.FirstDay)} to {Texts.Day(last)} (UTC)"
            : $"none: not linked in {Month(impact)}";
    }

    /// <summary>"2 of 31".</summary>
    public static string Days(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return string.Create(CultureInfo.InvariantCulture, $"{impact.LinkedDays} of {impact.DaysInMonth}");
    }

    /// <summary>"6.45 %".</summary>
    public static string Share(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.PercentOfMonth.ToString("0.##", CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>"2 of 31 days (6.45 %), 3 Dec 2026 to 4 Dec 2026 (UTC)".</summary>
    public static string Summary(BillingImpact impact) =>
        impact.LinkedDays == 0
            ? $"0 of {impact.DaysInMonth} days: not linked in {Month(impact)}"
            : $"{Days(impact)} days ({Share(impact)}), {Period(impact)}";

    /// <summary>"420.00 USD" per currency, joined.</summary>
    public static string Amounts(IReadOnlyList<MonthToDateAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return string.Join(" + ", amounts.Select(a => a.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + a.Currency));
    }
}
