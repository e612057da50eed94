namespace SesBot.Core.Execution;

/// <summary>A change SesBot makes at a cloud provider on support's behalf. Stored as its name.</summary>
public enum CloudOperation
{
    /// <summary>RemoveAccountFromOrganization on the payer organization, then verification that the account left.</summary>
    AwsRemoveFromOrganization,

    /// <summary>Partner Center PATCH of the subscription with <c>status: suspended</c>, then read back.</summary>
    AzureSuspendSubscription,

    /// <summary>TerminateResponsibilityTransfer of the account's billing transfer at the end of the current UTC month.</summary>
    AwsEndBillingTransfer,
}
