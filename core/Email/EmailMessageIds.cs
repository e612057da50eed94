using System.Security.Cryptography;
using System.Text;

namespace SesBot.Core.Email;

/// <summary>
/// Message-Ids derived from an idempotency key: the same outbox row always yields the same id, so a retried send is
/// recognisable (by the server, the recipient's client, and the pickup file name). The key itself is hashed, not shown.
/// </summary>
internal static class EmailMessageIds
{
    public static string FromIdempotencyKey(string purpose, string idempotencyKey, string fromAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "localhost";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + idempotencyKey));
        return $"{purpose}.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain}";
    }

    /// <summary>A file name for a message id: letters, digits and <c>.-_@</c> kept, anything else replaced.</summary>
    public static string FileName(string messageId)
    {
        var builder = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId.Trim('<', '>'))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_');
        }

        return builder.Append(".eml").ToString();
    }
}
