namespace SesBot.Core.Domain;

/// <summary>
/// The part of the current month an account was linked before it left the payer organization: what the reseller
/// still invoices the customer for. All instants are UTC.
/// </summary>
/// <param name="PeriodStart">The later of the month start and the link instant.</param>
/// <param name="PeriodEnd">The removal instant.</param>
/// <param name="FirstDay">The first calendar day billed.</param>
/// <param name="LastDay">The last calendar day billed, or null when the account was not linked at all this month.</param>
/// <param name="LinkedDays">Calendar days the account was linked this month (a partly linked day counts).</param>
/// <param name="DaysInMonth">Days in the month of the removal.</param>
/// <param name="FractionOfMonth">Linked time over the whole month's time, 0 to 1, four decimals.</param>
public sealed record BillingImpact(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateOnly FirstDay,
    DateOnly? LastDay,
    int LinkedDays,
    int DaysInMonth,
    decimal FractionOfMonth);
