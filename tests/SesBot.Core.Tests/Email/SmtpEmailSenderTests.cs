using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SesBot.Core.Email;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Email;

/// <summary>Sends to a real smtp4dev on 127.0.0.1 and reads back what arrived through its web API.</summary>
public sealed class SmtpEmailSenderTests(Smtp4devServer server) : IClassFixture<Smtp4devServer>
{
    [Theory]
    [InlineData("en", "Before you start")]
    [InlineData("de", "Bevor Sie beginnen")]
    public async Task SendAsync_UnlinkEmail_ArrivesWithBothPartsLanguageAndHeaders(string language, string heading)
    {
        var sent = EmailTestData.Composer().Compose(EmailTestData.Model(language), $"outbox-{language}-{Guid.NewGuid():N}");

        var result = await Sender().SendAsync(sent);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        Assert.Equal(sent.MessageId, result.MessageId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        var received = await server.WaitForMessageAsync(sent.MessageId);
        Assert.Equal(sent.Subject, received.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains(heading, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(heading, received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;GmbH&lt;/b&gt;", received.HtmlBody, StringComparison.Ordinal);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal(EmailTestData.Reseller, from.Name);
        Assert.Equal(EmailTestData.From, from.Address);
        Assert.Equal(EmailTestData.ReplyTo, Assert.IsType<MailboxAddress>(Assert.Single(received.ReplyTo)).Address);
        Assert.Equal(EmailTestData.Recipient, Assert.IsType<MailboxAddress>(Assert.Single(received.To)).Address);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_AuthenticatesAndSends()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model("fr"), $"outbox-auth-{Guid.NewGuid():N}");

        var result = await Sender(o => { o.User = "sesbot"; o.Password = "secret"; }).SendAsync(message);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        var received = await server.WaitForMessageAsync(message.MessageId);
        Assert.Contains("Avant de commencer", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RecipientTheServerRejects_PermanentRecipientRejected550()
    {
        var recipient = $"{Smtp4devServer.RejectedPrefix}-{Guid.NewGuid():N}@adventure-works.example";
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(recipient: recipient), "outbox-rejected");

        var result = await Sender().SendAsync(message);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(EmailFailureReason.RecipientRejected, result.Reason);
        Assert.Equal(550, result.SmtpStatusCode);
        Assert.Equal(message.MessageId, result.MessageId);
        Assert.Equal(0, await server.CountForAsync(recipient));
    }

    [Fact]
    public async Task SendAsync_RecipientTemporarilyRefused_Transient451()
    {
        var recipient = $"{Smtp4devServer.BusyPrefix}-{Guid.NewGuid():N}@adventure-works.example";
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(recipient: recipient), "outbox-busy");

        var result = await Sender().SendAsync(message);

        Assert.Equal(EmailSendStatus.TransientFailure, result.Status);
        Assert.Equal(451, result.SmtpStatusCode);
        Assert.Contains("try again later", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await server.CountForAsync(recipient));
    }

    [Fact]
    public async Task SendAsync_CredentialsTheServerRefuses_PermanentAuthenticationFailed()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-bad-auth");

        var result = await Sender(o => { o.User = Smtp4devServer.BadUser; o.Password = "guess"; }).SendAsync(message);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(EmailFailureReason.AuthenticationFailed, result.Reason);
        Assert.DoesNotContain("guess", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_PermanentTlsFailure()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-tls");

        var result = await Sender(o => o.Security = SmtpSecurity.StartTls).SendAsync(message);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(EmailFailureReason.TlsFailure, result.Reason);
    }

    [Fact]
    public async Task SendAsync_NothingListening_TransientConnectionFailed()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-refused");
        var closedPort = Smtp4devServer.FreePort();

        var clock = Stopwatch.StartNew();
        var result = await Sender(o => o.Port = closedPort).SendAsync(message);

        Assert.Equal(EmailSendStatus.TransientFailure, result.Status);
        Assert.Equal(EmailFailureReason.ConnectionFailed, result.Reason);
        Assert.Contains("ConnectionRefused", result.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"A refused connection took {clock.Elapsed}.");
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_TransientTimeoutWithinTheLimit()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-silent");

        var clock = Stopwatch.StartNew();
        var result = await Sender(o => { o.Port = port; o.Timeout = TimeSpan.FromSeconds(1); }).SendAsync(message);

        Assert.Equal(EmailSendStatus.TransientFailure, result.Status);
        Assert.Equal(EmailFailureReason.Timeout, result.Reason);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        (await accepted).Dispose();
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-cancel");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(o => o.Port = port).SendAsync(message, cancel.Token));
    }

    private SmtpEmailSender Sender(Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.SmtpPort,
            From = EmailTestData.From,
            Security = SmtpSecurity.None,
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), NullLogger<SmtpEmailSender>.Instance);
    }
}
