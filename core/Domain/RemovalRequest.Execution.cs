using System.Globalization;

namespace SesBot.Core.Domain;

/// <summary>What SesBot records on a request when it carries the request out at the cloud provider itself.</summary>
public sealed partial class RemovalRequest
{
    /// <summary>
    /// The billing impact at the actual removal time (replacing the preview made at submission), audited by
    /// <paramref name="actor"/>.
    /// </summary>
    public void RecordBillingImpact(BillingImpact impact, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(actor);
        BillingImpact = impact;
        _pendingAudit.Add(new AuditEvent(
            at, actor, nameof(RemovalRequest), Id, "BillingImpactRecorded",
            string.Create(CultureInfo.InvariantCulture, $"Removed at {impact.PeriodEnd:yyyy-MM-dd HH:mm:ss} UTC: {impact.LinkedDays} of {impact.DaysInMonth} days linked this month ({impact.FractionOfMonth:0.####}).")));
    }
}
