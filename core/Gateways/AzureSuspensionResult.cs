using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Gateways;

/// <summary>How a suspension ended and the status read back afterwards.</summary>
public sealed record AzureSuspensionResult(SuspensionOutcome Outcome, string? StatusBefore, string? StatusAfter)
{
    public bool IsSuspended => string.Equals(StatusAfter, PartnerCenterSubscriptionStatus.Suspended, StringComparison.OrdinalIgnoreCase);
}
