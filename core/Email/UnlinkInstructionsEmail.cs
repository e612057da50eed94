using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using SesBot.Core.Workflow;

namespace SesBot.Core.Email;

/// <summary>
/// Composes the email that tells an end customer how to take their AWS account out of the distributor's organization:
/// the prerequisites AWS checks, then the console steps, then what changes afterwards, in the customer's language.
/// Plain text and HTML alternatives; every value is escaped in the HTML part; the only link is the AWS console.
/// </summary>
public sealed partial class UnlinkInstructionsEmail(IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    public const string AwsConsoleUrl = "https://console.aws.amazon.com/";

    public static IReadOnlyList<string> Languages { get; } = ["en", "de", "fr", "es"];

    /// <summary>A language's English name, as SesBot's cards and notes say it ("German"); the code itself when unknown.</summary>
    public static string LanguageName(string? code) => code switch
    {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        _ => code ?? "English",
    };

    /// <summary>Builds the message. The same <paramref name="idempotencyKey"/> always yields the same Message-Id.</summary>
    /// <exception cref="ArgumentException">A value is missing or malformed (a broken invariant of the caller).</exception>
    public MimeMessage Compose(UnlinkInstructionsEmailModel model, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var text = Text(model.Language);
        var reseller = SingleLine(model.ResellerName, nameof(model.ResellerName));
        var customer = SingleLine(model.CustomerName, nameof(model.CustomerName));
        var requestId = SingleLine(model.RequestId, nameof(model.RequestId));
        if (!AwsAccountId().IsMatch(model.AwsAccountId))
        {
            throw new ArgumentException($"'{model.AwsAccountId}' is not a 12-digit AWS account id.", nameof(model));
        }

        var from = smtp.Value.FromAddress;
        var replyTo = Address(model.ResellerReplyTo, nameof(model.ResellerReplyTo));
        var to = Address(model.EndCustomerEmail, nameof(model.EndCustomerEmail));
        string[] values = [customer, model.AwsAccountId, reseller, requestId, replyTo, AwsConsoleUrl];

        var message = new MimeMessage
        {
            Subject = Format(text.Subject, values),
            Date = clock.GetUtcNow(),
            MessageId = EmailMessageIds.FromIdempotencyKey("unlink", idempotencyKey, from),
        };
        message.From.Add(new MailboxAddress(reseller, from));
        message.ReplyTo.Add(new MailboxAddress(reseller, replyTo));
        message.To.Add(new MailboxAddress(customer, to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add(HeaderId.ContentLanguage, model.Language);
        message.Body = new BodyBuilder
        {
            TextBody = PlainText(text, values),
            HtmlBody = HtmlText(text, values, model.Language),
        }.ToMessageBody();
        return message;
    }

    private static UnlinkInstructionsEmailText Text(string language) =>
        UnlinkInstructionsEmailTexts.ByLanguage.TryGetValue(language ?? string.Empty, out var text)
            ? text
            : throw new ArgumentException($"Unsupported language '{language}'; expected one of {string.Join(", ", Languages)}.", nameof(language));

    private static string PlainText(UnlinkInstructionsEmailText text, string[] values)
    {
        var body = new StringBuilder();
        body.AppendLine(Format(text.Greeting, values)).AppendLine()
            .AppendLine(Format(text.Intro, values)).AppendLine()
            .AppendLine(Underlined(text.PrerequisitesHeading))
            .AppendLine(Format(text.PrerequisitesIntro, values));
        foreach (var item in text.Prerequisites)
        {
            body.Append("- ").AppendLine(Format(item, values));
        }

        body.AppendLine(Format(text.PrerequisitesNote, values)).AppendLine()
            .AppendLine(Underlined(text.StepsHeading));
        for (var i = 0; i < text.Steps.Count; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"{i + 1}. ").AppendLine(Format(text.Steps[i], values));
        }

        body.AppendLine()
            .AppendLine(Underlined(text.AfterwardsHeading))
            .AppendLine(Format(text.Afterwards, values)).AppendLine()
            .AppendLine(Format(text.PleaseConfirm, values))
            .AppendLine(Format(text.Reference, values)).AppendLine()
            .AppendLine(Format(text.Questions, values)).AppendLine()
            .AppendLine(text.Closing)
            .AppendLine(values[2]).AppendLine()
            .AppendLine("-- ")
            .AppendLine(Format(text.Footer, values));
        return body.ToString();
    }

    private static string HtmlText(UnlinkInstructionsEmailText text, string[] values, string language)
    {
        string[] escaped = [.. values.Select(Html.Escape)];
        escaped[5] = $"<a href=\"{Html.Escape(AwsConsoleUrl)}\">{Html.Escape(AwsConsoleUrl)}</a>";
        string Part(string template) => Format(Html.Escape(template), escaped);

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{language}\">\n<head><meta charset=\"utf-8\"><title>{Part(text.Subject)}</title></head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1b1b1b;\">\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Part(text.Greeting)}</p>\n<p>{Part(text.Intro)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size: 17px;\">{Part(text.PrerequisitesHeading)}</h2>\n<p>{Part(text.PrerequisitesIntro)}</p>\n<ul>\n");
        foreach (var item in text.Prerequisites)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{Part(item)}</li>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"</ul>\n<p>{Part(text.PrerequisitesNote)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size: 17px;\">{Part(text.StepsHeading)}</h2>\n<ol>\n");
        foreach (var step in text.Steps)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{Part(step)}</li>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"</ol>\n<h2 style=\"font-size: 17px;\">{Part(text.AfterwardsHeading)}</h2>\n<p>{Part(text.Afterwards)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Part(text.PleaseConfirm)}<br>\n<strong>{Part(text.Reference)}</strong></p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Part(text.Questions)}</p>\n<p>{Part(text.Closing)}<br>\n{escaped[2]}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<hr>\n<p style=\"font-size: 12px; color: #5f5f5f;\">{Part(text.Footer)}</p>\n</body>\n</html>\n");
        return body.ToString();
    }

    private static string Format(string template, string[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);

    private static string Underlined(string heading) => heading + "\n" + new string('-', heading.Length);

    /// <summary>Trims a value and folds any line breaks or control characters into spaces, so it cannot add a header line.</summary>
    private static string SingleLine(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        var chars = value.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        return new string(chars);
    }

    /// <summary>The same check the dialog applies when the reseller types the address (one rule for both).</summary>
    private static string Address(string value, string name) =>
        EndCustomerEmail.IsValid(value) ? value.Trim() : throw new ArgumentException($"'{value}' is not an email address.", name);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AwsAccountId();
}
