namespace SesBot.Core.Domain;

/// <summary>The ways a cloud account (or a customer) can be taken away. A submitted request carries the option it was made for.</summary>
public enum RemovalOption
{
    /// <summary>Delete the account from the platform: only to undo an account added in error, with no billing data.</summary>
    DeleteFromPlatform,

    /// <summary>Remove the customer and its accounts from the platform.</summary>
    RemoveCustomer,

    /// <summary>Azure: transfer the subscription to another CSP partner.</summary>
    AzureTransferToCsp,

    /// <summary>Azure: suspend the subscription through a support ticket.</summary>
    AzureSuspend,

    /// <summary>AWS, distributor-assigned: transfer of ownership to a new owner.</summary>
    AwsTransferOwnership,

    /// <summary>AWS, customer-owned: support removes the account from the distributor's payer organization.</summary>
    AwsRemoveFromPayer,

    /// <summary>AWS, customer-owned: the end customer leaves the organization themselves; SesBot sends the instructions.</summary>
    AwsSelfUnlink,

    /// <summary>An account was deleted in error: an urgent ticket to support.</summary>
    DeletedInErrorTicket,

    /// <summary>AWS, billed through Billing Transfer: support ends the transfer; it ends at the end of a month, not at once.</summary>
    AwsEndBillingTransfer,
}
