namespace SesBot.Core.Email;

public enum EmailSendStatus
{
    /// <summary>The server (or the pickup directory) took the message.</summary>
    Sent,

    /// <summary>Not sent; the same message may succeed later (no connection, timeout, a 4xx reply).</summary>
    TransientFailure,

    /// <summary>Not sent, and retrying the same message will not help (a 5xx reply, bad credentials, TLS failure).</summary>
    PermanentFailure,
}
