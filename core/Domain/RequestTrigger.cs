namespace SesBot.Core.Domain;

/// <summary>What moves a removal request from one status to the next.</summary>
public enum RequestTrigger
{
    Accept,
    Reject,
    Cancel,
    Complete,
    MarkAwsContacted,
    MarkPaperworkComplete,
    MarkCredentialsDelivered,
    MarkRemovedFromPayer,
    SendInstructions,
    Fail,
    Retry,

    /// <summary>Support ended the account's billing transfer at AWS (it runs until the end of the month).</summary>
    EndBillingTransfer,
}
