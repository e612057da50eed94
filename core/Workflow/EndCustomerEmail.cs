using System.Net.Mail;
using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>A light check of an email address the instructions are sent to.</summary>
public static class EndCustomerEmail
{
    public static bool IsValid(string? value)
    {
        // Judge what is stored: the request keeps the address trimmed, so surrounding spaces are not an error.
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > FieldLimits.Email || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var address = new MailAddress(trimmed);
            return address.Address == trimmed && address.Host.Contains('.', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
