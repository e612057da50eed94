namespace SesBot.Core.Domain;

/// <summary>
/// A customer's Microsoft Entra tenant id: the "Microsoft ID" Partner Center shows for the customer (Customers → the
/// customer → Account), and the customer id in every Partner Center address. Always a GUID; SesBot keeps it in the
/// 36-character form with hyphens, lower case.
/// </summary>
public static class AzureTenant
{
    /// <summary>The stored length (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>).</summary>
    public const int Length = 36;

    /// <summary>The most a person may type into the box: the GUID in braces, with a few blanks around it.</summary>
    public const int InputMaxLength = 64;

    /// <summary>
    /// The tenant id in its stored form, from what someone typed or pasted (hyphens, braces or 32 bare hex digits; blanks
    /// around it are ignored); null when it is not a GUID, or is the all-zero GUID no tenant has.
    /// </summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > InputMaxLength)
        {
            return null;
        }

        foreach (var format in (ReadOnlySpan<string>)["D", "B", "N"])
        {
            if (Guid.TryParseExact(trimmed, format, out var id))
            {
                return id == Guid.Empty ? null : id.ToString("D");
            }
        }

        return null;
    }
}
