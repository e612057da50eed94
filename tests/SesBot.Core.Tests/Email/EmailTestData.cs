using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Email;

namespace SesBot.Core.Tests.Email;

/// <summary>A composer with a fixed clock and sender address, and a model whose values need escaping.</summary>
internal static class EmailTestData
{
    public const string From = "noreply@mail.ses-marketplace.example";
    public const string ReplyTo = "support@northwind-cloud.example";
    public const string Recipient = "root@adventure-works.example";
    public const string AccountId = "123456789012";
    public const string RequestId = "R-4F2K9Q";

    /// <summary>Names with the characters HTML cares about and a non-ASCII letter.</summary>
    public const string Reseller = "Northwind <Cloud> & \"Partners\"";
    public const string Customer = "Adventure Works O'Brien & Söhne <b>GmbH</b>";

    public static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    public static UnlinkInstructionsEmail Composer(string from = From) =>
        new(Options.Create(new SmtpOptions { From = from }), new FakeTimeProvider(Now));

    public static UnlinkInstructionsEmailModel Model(string language = "en", string recipient = Recipient) =>
        new(Reseller, ReplyTo, recipient, Customer, AccountId, language, RequestId);
}
