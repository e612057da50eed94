namespace SesBot.Core.Email;

/// <summary>Why a send failed, for the outbox's record and the decision to retry.</summary>
public enum EmailFailureReason
{
    None,
    ConnectionFailed,
    Timeout,
    ServerBusy,
    RecipientRejected,
    SenderRejected,
    MessageRejected,
    AuthenticationFailed,
    TlsFailure,
    ProtocolError,
    StorageFailed,
}
