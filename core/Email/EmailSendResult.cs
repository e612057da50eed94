namespace SesBot.Core.Email;

/// <summary>
/// What became of one send. Senders return it instead of throwing, so the outbox can record it and decide to retry.
/// </summary>
/// <param name="MessageId">The message's Message-Id (without angle brackets).</param>
/// <param name="Detail">The server's reply or the failure, for the record; never a secret.</param>
/// <param name="SmtpStatusCode">The SMTP reply code behind a failure, when the server gave one.</param>
public sealed record EmailSendResult(
    EmailSendStatus Status, EmailFailureReason Reason, string MessageId, string Detail, int? SmtpStatusCode = null)
{
    public bool IsSent => Status == EmailSendStatus.Sent;

    public static EmailSendResult Sent(string messageId, string serverResponse) =>
        new(EmailSendStatus.Sent, EmailFailureReason.None, messageId, serverResponse);

    public static EmailSendResult Transient(EmailFailureReason reason, string messageId, string detail, int? smtpStatusCode = null) =>
        new(EmailSendStatus.TransientFailure, reason, messageId, detail, smtpStatusCode);

    public static EmailSendResult Permanent(EmailFailureReason reason, string messageId, string detail, int? smtpStatusCode = null) =>
        new(EmailSendStatus.PermanentFailure, reason, messageId, detail, smtpStatusCode);
}
