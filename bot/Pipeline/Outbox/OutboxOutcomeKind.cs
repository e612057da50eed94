namespace SesBot.Bot.Pipeline.Outbox;

public enum OutboxOutcomeKind
{
    Sent,

    /// <summary>Not delivered, and the receiver said so (or no connection was made): try again later.</summary>
    Retry,

    /// <summary>Refused for good; retrying would not help.</summary>
    Failed,

    /// <summary>Sent, but no answer came: it may have arrived. Never replayed blindly.</summary>
    Unknown,
}
