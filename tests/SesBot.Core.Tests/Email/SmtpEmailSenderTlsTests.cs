using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesBot.Core.Email;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Email;

/// <summary>A real smtp4dev offering STARTTLS with a self-signed certificate, which the sender must not trust.</summary>
public sealed class SmtpEmailSenderTlsTests(SmtpEmailSenderTlsTests.StartTlsServer fixture) : IClassFixture<SmtpEmailSenderTlsTests.StartTlsServer>
{
    [Fact]
    public async Task SendAsync_StartTlsWithUntrustedCertificate_PermanentTlsFailureNothingDelivered()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), $"outbox-tls-{Guid.NewGuid():N}");
        var sender = new SmtpEmailSender(
            Options.Create(new SmtpOptions
            {
                Host = "localhost",
                Port = fixture.Server.SmtpPort,
                From = EmailTestData.From,
                Security = SmtpSecurity.StartTls,
                Timeout = TimeSpan.FromSeconds(20),
            }),
            NullLogger<SmtpEmailSender>.Instance);

        var result = await sender.SendAsync(message);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(EmailFailureReason.TlsFailure, result.Reason);
        Assert.Equal(0, await fixture.Server.CountForAsync(EmailTestData.Recipient));
    }

    /// <summary>smtp4dev in StartTls mode, shared by the tests of this class.</summary>
    public sealed class StartTlsServer : IAsyncLifetime
    {
        public Smtp4devServer Server { get; } = new("StartTls");

        public Task InitializeAsync() => Server.InitializeAsync();

        public Task DisposeAsync() => Server.DisposeAsync();
    }
}
