namespace SesBot.Core.Domain;

/// <summary>Where a removal request stands. Stored as its name.</summary>
public enum RequestStatus
{
    Submitted,
    Accepted,
    AwsContacted,
    PaperworkComplete,
    CredentialsDelivered,
    InstructionsSent,
    Failed,
    Completed,
    Rejected,
    Cancelled,
}
