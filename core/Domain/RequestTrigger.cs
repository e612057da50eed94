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
}
