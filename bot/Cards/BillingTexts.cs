using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// How SesBot writes a billing impact, on every card alike: whole UTC days counted inclusively, and the share of the
/// month as those days over the days in the month, so the days, the share and the period always agree. In the turn's
/// language (resources: Resources/Cards/BillingTexts.resx), numbers and money in its culture.
/// </summary>
public static class BillingTexts
{
    private static readonly Strings S = Strings.For(typeof(BillingTexts));

    /// <summary>The basis, said once on the card that previews it.</summary>
    public static string Basis => S["Basis"];

    public static string Month(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return Formats.Month(impact.Month);
    }

    /// <summary>"3 Dec 2026 to 4 Dec 2026 (UTC)", or that the account was not linked in the month.</summary>
    public static string Period(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.LastDay is { } last
            ? S.Format("Period", Texts.Day(impact.FirstDay), Texts.Day(last))
            : S.Format("Period.None", Month(impact));
    }

    /// <summary>"2 of 31".</summary>
    public static string Days(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return S.Format("Days", impact.LinkedDays, impact.DaysInMonth);
    }

    /// <summary>"6.45 %".</summary>
    public static string Share(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return Formats.Percent(impact.PercentOfMonth);
    }

    /// <summary>"2 of 31 days (6.45 %), 3 Dec 2026 to 4 Dec 2026 (UTC)".</summary>
    public static string Summary(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.LinkedDays == 0
            ? S.Format("Summary.None", impact.DaysInMonth, Month(impact))
            : S.Plural("Summary", impact.LinkedDays, impact.DaysInMonth, Share(impact), Period(impact));
    }

    /// <summary>"420.00 USD" per currency, joined.</summary>
    public static string Amounts(IReadOnlyList<MonthToDateAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return string.Join(" + ", amounts.Select(a => Formats.Money(a.Amount, a.Currency)));
    }

    /// <summary>The basis of what is invoiced until a billing transfer ends, said once on the card that previews it.</summary>
    public static string TransferBasis => S["TransferBasis"];

    /// <summary>"rt-coho7x2k9m4q, since 1 Sep 2026, for the organization of management account 890123456789".</summary>
    public static string Transfer(BillingTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return S.Format("Transfer", transfer.Id, Texts.Day(transfer.StartedAt), transfer.SourceManagementAccountId);
    }

    /// <summary>When the transfer of this impact ends: "31 Dec 2026 23:59:59 UTC".</summary>
    public static string TransferEnd(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return Texts.Second(impact.PeriodEnd);
    }

    /// <summary>The first day after the transfer, when the customer's organization pays AWS itself: "1 Jan 2027".</summary>
    public static string AfterTransfer(BillingImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return Texts.Day(impact.PeriodEnd.AddSeconds(1));
    }
}
