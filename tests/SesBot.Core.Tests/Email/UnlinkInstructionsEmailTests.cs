using MimeKit;
using SesBot.Core.Email;

namespace SesBot.Core.Tests.Email;

public sealed class UnlinkInstructionsEmailTests
{
    private static readonly Dictionary<string, string> PrerequisiteHeadings = new(StringComparer.Ordinal)
    {
        ["en"] = "Before you start",
        ["de"] = "Bevor Sie beginnen",
        ["fr"] = "Avant de commencer",
        ["es"] = "Antes de empezar",
    };

    /// <summary>Words that only the right language's subject and body contain, and its button name.</summary>
    public static TheoryData<string, string, string, string> Languages => new()
    {
        { "en", "how to leave our organization", "Before you start", "Leave organization" },
        { "de", "So verlassen Sie unsere Organisation", "Bevor Sie beginnen", "Organisation verlassen" },
        { "fr", "quitter notre organisation", "Avant de commencer", "Quitter l'organisation" },
        { "es", "cómo salir de nuestra organización", "Antes de empezar", "Abandonar la organización" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Compose_Language_SubjectAndBothPartsInThatLanguage(string language, string subjectWords, string prerequisiteHeading, string button)
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(language), "outbox-1");

        Assert.Contains(subjectWords, message.Subject, StringComparison.Ordinal);
        Assert.Contains(EmailTestData.AccountId, message.Subject, StringComparison.Ordinal);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        Assert.Equal("text/html", alternative[1].ContentType.MimeType);
        Assert.Contains(prerequisiteHeading, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(button, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Html(prerequisiteHeading), message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(language, message.Headers[HeaderId.ContentLanguage]);
        foreach (var other in UnlinkInstructionsEmail.Languages.Where(l => l != language))
        {
            Assert.DoesNotContain(PrerequisiteHeadings[other], message.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Compose_Language_PrerequisitesComeBeforeTheFourStepsAndAfterwards(string language, string subjectWords, string prerequisiteHeading, string button)
    {
        _ = subjectWords;
        var body = EmailTestData.Composer().Compose(EmailTestData.Model(language), "outbox-1").TextBody ?? string.Empty;

        var prerequisites = body.IndexOf(prerequisiteHeading, StringComparison.Ordinal);
        var step1 = body.IndexOf("\n1. ", StringComparison.Ordinal);
        Assert.InRange(prerequisites, 0, step1 - 1);
        Assert.Contains("\n4. ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n5. ", body, StringComparison.Ordinal);
        var steps = body[step1..];
        Assert.Contains(UnlinkInstructionsEmail.AwsConsoleUrl, steps.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("root", steps.Split('\n')[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AWS Organizations", steps.Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains(button, steps.Split('\n')[3], StringComparison.Ordinal);
        Assert.Contains(button, steps.Split('\n')[4], StringComparison.Ordinal);
        var prerequisiteText = body[prerequisites..step1];
        Assert.Equal(3, prerequisiteText.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.True(body.IndexOf(EmailTestData.RequestId, StringComparison.Ordinal) > step1, "The reference comes after the steps.");
    }

    [Theory]
    [InlineData("en", "payment method", "phone number", "Customer Agreement", "AWS bills it directly")]
    [InlineData("de", "Zahlungsmethode", "Telefonnummer", "Kundenvereinbarung", "rechnet AWS es direkt")]
    [InlineData("fr", "moyen de paiement", "téléphone", "contrat client AWS", "AWS le facture directement")]
    [InlineData("es", "método de pago", "teléfono", "Contrato de cliente de AWS", "AWS la factura directamente")]
    public void Compose_Language_NamesEveryPrerequisiteAndDirectBilling(string language, string payment, string phone, string agreement, string directBilling)
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(language), "outbox-1");

        foreach (var part in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains(payment, part, StringComparison.Ordinal);
            Assert.Contains(phone, part, StringComparison.Ordinal);
            Assert.Contains(Html(agreement), part, StringComparison.Ordinal);
            Assert.Contains(directBilling, part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_ValuesWithMarkup_EscapedInHtmlAndPlainInText()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model(), "outbox-1");

        Assert.Contains("Adventure Works O&#39;Brien &amp; Söhne &lt;b&gt;GmbH&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Northwind &lt;Cloud&gt; &amp; &quot;Partners&quot;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>GmbH", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Cloud>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(EmailTestData.Customer, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(EmailTestData.Reseller, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Html_OnlyLinkIsTheAwsConsoleAndNoImages()
    {
        var html = EmailTestData.Composer().Compose(EmailTestData.Model("fr"), "outbox-1").HtmlBody ?? string.Empty;

        var links = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)\\s*=\\s*\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([UnlinkInstructionsEmail.AwsConsoleUrl], links);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_Headers_FromIsResellerAtSmtpFromReplyToResellerAutoSubmitted()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Model("de"), "outbox-1");

        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(EmailTestData.Reseller, from.Name);
        Assert.Equal(EmailTestData.From, from.Address);
        var replyTo = Assert.IsType<MailboxAddress>(Assert.Single(message.ReplyTo));
        Assert.Equal(EmailTestData.ReplyTo, replyTo.Address);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(EmailTestData.Recipient, to.Address);
        Assert.Equal(EmailTestData.Customer, to.Name);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal(EmailTestData.Now, message.Date);
        Assert.EndsWith("@mail.ses-marketplace.example", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameIdempotencyKey_SameMessageId_OtherKey_OtherId()
    {
        var composer = EmailTestData.Composer();

        var first = composer.Compose(EmailTestData.Model(), "outbox-42").MessageId;
        var retry = composer.Compose(EmailTestData.Model("es"), "outbox-42").MessageId;
        var other = composer.Compose(EmailTestData.Model(), "outbox-43").MessageId;

        Assert.Equal(first, retry);
        Assert.NotEqual(first, other);
        Assert.DoesNotContain("outbox-42", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NameWithLineBreak_FoldedIntoOneHeaderLine()
    {
        var model = EmailTestData.Model() with { ResellerName = "Northwind\r\nBcc: victim@example.com" };

        var message = EmailTestData.Composer().Compose(model, "outbox-1");

        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var raw = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(message.Bcc);
    }

    [Theory]
    [InlineData("it")]
    [InlineData("")]
    [InlineData("EN")]
    public void Compose_UnsupportedLanguage_Throws(string language) =>
        Assert.Throws<ArgumentException>(() => EmailTestData.Composer().Compose(EmailTestData.Model(language), "outbox-1"));

    [Theory]
    [InlineData("12345678901")]
    [InlineData("12345678901a")]
    public void Compose_MalformedAccountId_Throws(string accountId) =>
        Assert.Throws<ArgumentException>(() => EmailTestData.Composer().Compose(EmailTestData.Model() with { AwsAccountId = accountId }, "outbox-1"));

    [Theory]
    [InlineData("root")]
    [InlineData("Root <root@example.com>")]
    public void Compose_MalformedRecipient_Throws(string recipient) =>
        Assert.Throws<ArgumentException>(() => EmailTestData.Composer().Compose(EmailTestData.Model(recipient: recipient), "outbox-1"));

    private static string Html(string text) => text.Replace("'", "&#39;", StringComparison.Ordinal);
}
