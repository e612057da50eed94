using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace SesBot.Core.Email;

/// <summary>
/// The SMTP relay that carries SesBot's emails, bound from <c>Smtp:</c>. With no <see cref="Host"/> the emails are
/// written to a pickup directory instead (local mode). <see cref="Password"/> is a secret: environment or user secrets.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    /// <summary>The address emails come from in local mode, when <see cref="From"/> is not set.</summary>
    public const string LocalFrom = "sesbot@localhost";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sending address; the display name is the reseller's. Required with a <see cref="Host"/>.</summary>
    public string? From { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Limit for the whole send (connect, authenticate, transfer).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The address to send from: <see cref="From"/>, or <see cref="LocalFrom"/> in local mode.</summary>
    public string FromAddress => string.IsNullOrWhiteSpace(From) ? LocalFrom : From.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(From) && !IsMailbox(From))
        {
            yield return new ValidationResult($"Smtp:From '{From}' is not an email address.", [nameof(From)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Smtp:Timeout must be more than zero and at most 10 minutes.", [nameof(Timeout)]);
        }

        if (!IsConfigured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Smtp:From is required when Smtp:Host is set.", [nameof(From)]);
        }

        if (string.IsNullOrWhiteSpace(User) != string.IsNullOrWhiteSpace(Password))
        {
            yield return new ValidationResult("Smtp:User and Smtp:Password go together: set both or neither.", [nameof(User), nameof(Password)]);
        }

        if (!Enum.IsDefined(Security))
        {
            yield return new ValidationResult($"Smtp:Security must be None, StartTls or SslOnConnect.", [nameof(Security)]);
        }
    }

    private static bool IsMailbox(string value) =>
        MailboxAddress.TryParse(value.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal) && string.IsNullOrEmpty(address.Name);
}
