using System.Net.Mail;

namespace SesBot.Core.Workflow;

/// <summary>A light check of an email address the instructions are sent to.</summary>
public static class EndCustomerEmail
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var address = new MailAddress(value.Trim());
            return address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
