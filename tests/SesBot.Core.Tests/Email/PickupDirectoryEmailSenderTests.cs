using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SesBot.Core.Email;

namespace SesBot.Core.Tests.Email;

public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sesbot-outbox-" + Guid.NewGuid().ToString("N"), "outbox");

    [Fact]
    public async Task SendAsync_UnlinkEmail_WritesParseableEmlNamedByMessageId()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model("es"), "outbox-7");

        var result = await Sender().SendAsync(message);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(Path.Combine(_directory, message.MessageId + ".eml"), file);
        Assert.Equal(file, result.Detail);
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal(message.MessageId, parsed.MessageId);
        Assert.Equal(message.Subject, parsed.Subject);
        Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Contains("Antes de empezar", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Antes de empezar", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(EmailTestData.Reseller, Assert.IsType<MailboxAddress>(Assert.Single(parsed.From)).Name);
    }

    [Fact]
    public async Task SendAsync_SameOutboxRowTwice_OneFile()
    {
        var composer = EmailTestData.Composer();

        await Sender().SendAsync(composer.Compose(EmailTestData.Model(), "outbox-8"));
        var retry = await Sender().SendAsync(composer.Compose(EmailTestData.Model(), "outbox-8"));

        Assert.True(retry.IsSent);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task SendAsync_DirectoryIsAFile_FailureResultNotException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory)!);
        await File.WriteAllTextAsync(_directory, "not a folder");
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-9");

        var result = await Sender().SendAsync(message);

        Assert.False(result.IsSent);
        Assert.Equal(EmailFailureReason.StorageFailed, result.Reason);
        Assert.Equal(message.MessageId, result.MessageId);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private PickupDirectoryEmailSender Sender() =>
        new(Options.Create(new EmailPickupOptions { PickupDirectory = _directory }), NullLogger<PickupDirectoryEmailSender>.Instance);
}
