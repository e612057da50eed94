namespace SesBot.Core.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same machine or a test server.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; the send fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
