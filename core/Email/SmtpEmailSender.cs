using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SesBot.Core.Email;

/// <summary>
/// Sends through an SMTP relay with MailKit: one connection per message (the outbox sends rarely). Every delivery
/// failure becomes a typed result: no answer, a timeout or a 4xx reply is transient; a 5xx reply, rejected credentials
/// or a TLS failure is permanent. Only the caller's own cancellation throws.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private enum Phase { Connect, Authenticate, Send }

    public async Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var host = settings.Host ?? throw new InvalidOperationException("Smtp:Host is not set; use the pickup directory sender.");
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var phase = Phase.Connect;
        EmailSendResult result;
        try
        {
            await client.ConnectAsync(host, settings.Port, SocketOptions(settings.Security), timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(settings.User))
            {
                phase = Phase.Authenticate;
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, timeout.Token).ConfigureAwait(false);
            }

            phase = Phase.Send;
            var response = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            result = EmailSendResult.Sent(message.MessageId, response);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (Classify(ex, phase, settings) is { } failure)
        {
            result = failure with { MessageId = message.MessageId };
        }
        finally
        {
            await QuitQuietlyAsync(client).ConfigureAwait(false);
        }

        if (result.IsSent)
        {
            Log.EmailSent(logger, result.MessageId, host, settings.Port, result.Detail);
        }
        else
        {
            Log.EmailNotSent(logger, result.MessageId, host, settings.Port, result.Status, result.Reason, result.SmtpStatusCode, result.Detail);
        }

        return result;
    }

    /// <summary>Maps what MailKit and the socket report to a result; null for anything that is a bug, not a delivery failure.</summary>
    private static EmailSendResult? Classify(Exception exception, Phase phase, SmtpOptions settings) => exception switch
    {
        SmtpCommandException command => FromReply(command),
        MailKit.Security.AuthenticationException auth => EmailSendResult.Permanent(EmailFailureReason.AuthenticationFailed, string.Empty, auth.Message),
        SslHandshakeException tls => EmailSendResult.Permanent(EmailFailureReason.TlsFailure, string.Empty, tls.Message),
        System.Security.Authentication.AuthenticationException tls => EmailSendResult.Permanent(EmailFailureReason.TlsFailure, string.Empty, tls.Message),
        NotSupportedException unsupported when phase == Phase.Connect && settings.Security == SmtpSecurity.StartTls =>
            EmailSendResult.Permanent(EmailFailureReason.TlsFailure, string.Empty, unsupported.Message),
        NotSupportedException unsupported when phase == Phase.Authenticate =>
            EmailSendResult.Permanent(EmailFailureReason.AuthenticationFailed, string.Empty, unsupported.Message),
        OperationCanceledException or TimeoutException =>
            EmailSendResult.Transient(EmailFailureReason.Timeout, string.Empty, string.Create(CultureInfo.InvariantCulture, $"No answer within {settings.Timeout.TotalSeconds:0.#} s ({phase}).")),
        SocketException socket => FromSocket(socket),
        SmtpProtocolException protocol => EmailSendResult.Transient(EmailFailureReason.ProtocolError, string.Empty, protocol.Message),
        ServiceNotConnectedException lost => EmailSendResult.Transient(EmailFailureReason.ConnectionFailed, string.Empty, lost.Message),
        IOException io when io.InnerException is SocketException socket => FromSocket(socket),
        IOException io when io.InnerException is TimeoutException => EmailSendResult.Transient(EmailFailureReason.Timeout, string.Empty, io.Message),
        IOException io => EmailSendResult.Transient(EmailFailureReason.ConnectionFailed, string.Empty, io.Message),
        _ => null,
    };

    private static EmailSendResult FromReply(SmtpCommandException command)
    {
        var code = (int)command.StatusCode;
        var reason = command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => EmailFailureReason.RecipientRejected,
            SmtpErrorCode.SenderNotAccepted => EmailFailureReason.SenderRejected,
            SmtpErrorCode.MessageNotAccepted => EmailFailureReason.MessageRejected,
            _ => code is >= 400 and < 500 ? EmailFailureReason.ServerBusy : EmailFailureReason.MessageRejected,
        };
        var detail = string.Create(CultureInfo.InvariantCulture, $"{code} {command.Message}");
        return code is >= 400 and < 500
            ? EmailSendResult.Transient(reason, string.Empty, detail, code)
            : EmailSendResult.Permanent(reason, string.Empty, detail, code);
    }

    private static EmailSendResult FromSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.TimedOut => EmailSendResult.Transient(EmailFailureReason.Timeout, string.Empty, socket.Message),
        _ => EmailSendResult.Transient(EmailFailureReason.ConnectionFailed, string.Empty, $"{socket.SocketErrorCode}: {socket.Message}"),
    };

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security."),
    };

    /// <summary>Says goodbye when the connection is still up; a failure here changes nothing about the result.</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException or TimeoutException or SmtpCommandException)
        {
            // The message's fate was settled before QUIT.
        }
    }
}
