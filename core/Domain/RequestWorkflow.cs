namespace SesBot.Core.Domain;

/// <summary>Which table of allowed transitions a request follows (see <c>RemovalRequest.Transitions.cs</c>).</summary>
public enum RequestWorkflow
{
    /// <summary>Submitted, then completed (or rejected) right away.</summary>
    SelfService,

    /// <summary>Support accepts, then completes or rejects.</summary>
    SupportTicket,

    /// <summary>Support works with AWS through milestones until the account leaves the payer organization.</summary>
    TransferOfOwnership,

    /// <summary>Support removes the account from the payer organization; a failure can be retried.</summary>
    PayerRemoval,

    /// <summary>The instructions go out; support confirms when the end customer has left.</summary>
    EndCustomerInstructions,

    /// <summary>Support ends an AWS Billing Transfer (effective at the end of the month); a failure can be retried.</summary>
    BillingTransferEnd,
}
