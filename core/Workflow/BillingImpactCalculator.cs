using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>Works out the linked part of the month for a removal from the payer organization (UTC throughout).</summary>
public static class BillingImpactCalculator
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
        var end = removal;

        var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
        var endDayExclusive = end.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(end.UtcDateTime)
            : DateOnly.FromDateTime(end.UtcDateTime).AddDays(1);
        var linkedDays = start == end ? 0 : endDayExclusive.DayNumber - firstDay.DayNumber;
        var fraction = decimal.Round(
            (decimal)(end - start).Ticks / TimeSpan.FromDays(daysInMonth).Ticks, 4, MidpointRounding.AwayFromZero);

        return new BillingImpact(
            start,
            end,
            firstDay,
            linkedDays == 0 ? null : endDayExclusive.AddDays(-1),
            linkedDays,
            daysInMonth,
            fraction);
    }
}
