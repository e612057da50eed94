using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SesBot.Core.Email;

/// <summary>
/// Local mode: writes each message as <c>&lt;message-id&gt;.eml</c> into a folder instead of sending it. The file
/// appears whole (written aside, then moved), and a retry of the same message replaces it rather than adding a copy.
/// </summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailPickupOptions> options, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public async Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }

        var path = Path.Combine(Directory, EmailMessageIds.FileName(message.MessageId));
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await message.WriteToAsync(partial, cancellationToken).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
            Log.EmailWrittenToPickup(logger, message.MessageId, path);
            return EmailSendResult.Sent(message.MessageId, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            var status = ex is UnauthorizedAccessException ? EmailSendStatus.PermanentFailure : EmailSendStatus.TransientFailure;
            Log.EmailPickupFailed(logger, ex, message.MessageId, Directory, status);
            return new EmailSendResult(status, EmailFailureReason.StorageFailed, message.MessageId, ex.Message);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the leftover .partial file is never read.
        }
    }
}
