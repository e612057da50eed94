namespace SesBot.Core.Support;

/// <summary>Whose move it is on an open request: the one reminded when the request waits too long. Stored as its name.</summary>
public enum WaitingOn
{
    /// <summary>Nobody to remind: the request is closed, or SesBot itself acts next (an email to send).</summary>
    Nobody,

    /// <summary>SES support: accept, reject, record the next milestone, complete.</summary>
    Support,

    /// <summary>The reseller: answer support, or get their end customer to act.</summary>
    Reseller,
}
