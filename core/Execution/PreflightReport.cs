using SesBot.Core.Domain;
using SesBot.Core.Gateways;

namespace SesBot.Core.Execution;

/// <summary>What the provider says about a request's account before anyone clicks, assessed.</summary>
public sealed record PreflightReport(RemovalRequest Request, CloudAccount Account, bool Simulated, IReadOnlyList<PreflightFinding> Findings)
{
    public AwsAccountFacts? Aws { get; init; }

    public AzureSubscriptionFacts? Azure { get; init; }

    /// <summary>For an Azure subscription: the customer's name and the Microsoft Entra tenant id SES has for them (null: none).</summary>
    public string? CustomerName { get; init; }

    /// <summary>The tenant id Partner Center was asked with.</summary>
    public string? AzureTenantId { get; init; }

    /// <summary>
    /// Partner Center cannot be asked without the customer's tenant id, or did not find the subscription under the one SES
    /// has: support has to enter it (the card asks for it).
    /// </summary>
    public bool NeedsAzureTenant { get; init; }

    /// <summary>The billing transfer as AWS sees it (a request to end one), null when AWS does not know it.</summary>
    public BillingTransferFacts? Transfer { get; init; }

    /// <summary>The read itself failed: the mapped message.</summary>
    public string? ReadError { get; init; }

    /// <summary>The latest execution of the request, if any.</summary>
    public CloudExecution? LatestExecution { get; init; }

    public bool HasBlocker => ReadError is not null || NeedsAzureTenant || Findings.Any(f => f.Severity == PreflightSeverity.Blocker);
}
