using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// Works out the linked part of the month for a removal from the payer organization. The basis is whole UTC days,
/// counted inclusively: every UTC calendar day of the removal's month in which the account was linked for any part of
/// the day counts once; the share of the month is those days over the days in the month. A removal at exactly 00:00
/// UTC does not count the day it starts (the account was linked for no part of it).
/// </summary>
public static partial class BillingImpactCalculator
{
    public static BillingImpact Calculate(DateTimeOffset linkedAt, DateTimeOffset removalAt)
    {
        var linked = linkedAt.ToUniversalTime();
        var removal = removalAt.ToUniversalTime();
        if (linked > removal)
        {
            throw new DomainException($"The removal ({removal:u}) cannot come before the account was linked ({linked:u}).");
        }

        var monthStart = new DateTimeOffset(removal.Year, removal.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var daysInMonth = DateTime.DaysInMonth(removal.Year, removal.Month);
        var start = linked > monthStart ? linked : monthStart;

        var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
        var endDayExclusive = removal.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(removal.UtcDateTime)
            : DateOnly.FromDateTime(removal.UtcDateTime).AddDays(1);
        var linkedDays = start == removal ? 0 : endDayExclusive.DayNumber - firstDay.DayNumber;
        var fraction = decimal.Round((decimal)linkedDays / daysInMonth, 4, MidpointRounding.AwayFromZero);

        return new BillingImpact(
            start,
            removal,
            firstDay,
            linkedDays == 0 ? null : endDayExclusive.AddDays(-1),
            linkedDays,
            daysInMonth,
            fraction);
    }
}
