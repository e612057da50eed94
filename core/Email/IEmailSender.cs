using MimeKit;

namespace SesBot.Core.Email;

/// <summary>Delivers one composed message. Delivery failures come back as results; only cancellation throws.</summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
