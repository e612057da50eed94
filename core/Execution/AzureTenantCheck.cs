namespace SesBot.Core.Execution;

/// <summary>
/// The answer to an <see cref="AzureTenantAsk"/>: the outcome, the tenant id checked (in its stored form) and the
/// pre-flight report to show: with the subscription's facts when it was found, else asking for the tenant id again.
/// </summary>
public sealed record AzureTenantCheck(AzureTenantOutcome Outcome, string TenantId, PreflightReport Report)
{
    /// <summary>The tenant id the customer had before (null: none).</summary>
    public string? PreviousTenantId { get; init; }

    /// <summary>Why nothing was recorded (Partner Center's answer as the gateway maps it).</summary>
    public string? Message { get; init; }

    public bool IsRecorded => Outcome is AzureTenantOutcome.Saved or AzureTenantOutcome.Unchanged;
}
