namespace SesBot.Core.Domain;

/// <summary>
/// The part of the current month an account was linked before it left the payer organization: what the reseller
/// still invoices the customer for. One basis throughout: whole UTC calendar days, counted inclusively (a day counts
/// when the account was linked for any part of it), and the share of the month is those days over the days in the
/// month. All instants are UTC.
/// </summary>
/// <param name="PeriodStart">The later of the month start and the link instant.</param>
/// <param name="PeriodEnd">The removal instant.</param>
/// <param name="FirstDay">The first UTC day billed.</param>
/// <param name="LastDay">The last UTC day billed, or null when the account was not linked at all this month.</param>
/// <param name="LinkedDays">UTC days from <paramref name="FirstDay"/> to <paramref name="LastDay"/>, both included; 0 when not linked this month.</param>
/// <param name="DaysInMonth">Days in the UTC month of the removal.</param>
/// <param name="FractionOfMonth"><paramref name="LinkedDays"/> / <paramref name="DaysInMonth"/>, 0 to 1, four decimals.</param>
public sealed record BillingImpact(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateOnly FirstDay,
    DateOnly? LastDay,
    int LinkedDays,
    int DaysInMonth,
    decimal FractionOfMonth)
{
    /// <summary>The first day of the UTC month of the removal.</summary>
    public DateOnly Month => new(PeriodEnd.UtcDateTime.Year, PeriodEnd.UtcDateTime.Month, 1);

    /// <summary>The share of the month in percent, two decimals (what a card shows): 2 of 31 days is 6.45.</summary>
    public decimal PercentOfMonth => DaysInMonth == 0 ? 0m : decimal.Round(LinkedDays * 100m / DaysInMonth, 2, MidpointRounding.AwayFromZero);
}
