using System.Text.RegularExpressions;

namespace SesBot.Core.Domain;

/// <summary>
/// AWS's rules for ending a Billing Transfer (AWS Billing user guide, "Withdrawing transfers"): a transfer is ended
/// for a month, and then ends at 23:59:59 UTC on the last day of that month; from the 1st of the next month the
/// customer's organization pays AWS itself. The earliest end is therefore the end of the current UTC month. Ending
/// cannot be undone: a new transfer needs a new invitation.
/// </summary>
public static partial class BillingTransferTerms
{
    /// <summary>The last second of the UTC month of <paramref name="at"/>: 23:59:59 UTC on its last day.</summary>
    public static DateTimeOffset EndOfMonth(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var nextMonth = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        return nextMonth.AddSeconds(-1);
    }

    /// <summary>When a transfer ended at <paramref name="now"/> stops: the end of the current UTC month.</summary>
    public static DateTimeOffset EndIfEndedAt(DateTimeOffset now) => EndOfMonth(now);

    /// <summary>Whether the text is a transfer id as AWS writes it (<c>^rt-[0-9a-z]{8,32}$</c>).</summary>
    public static bool IsTransferId(string? value) => value is not null && TransferId().IsMatch(value);

    [GeneratedRegex("^rt-[0-9a-z]{8,32}$")]
    private static partial Regex TransferId();
}
