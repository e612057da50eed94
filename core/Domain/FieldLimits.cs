namespace SesBot.Core.Domain;

/// <summary>
/// How long each piece of text SesBot takes from a person (or keeps about a request) may be. The cards, the dialog, the
/// validators and the database columns all read these, so a limit is changed in one place.
/// </summary>
public static class FieldLimits
{
    private static readonly Localization.Strings Texts = Localization.Strings.For(typeof(FieldLimits));

    /// <summary>Why the reseller asks (the suspension reason); stored as the request's reason.</summary>
    public const int Reason = 2000;

    /// <summary>What support should know about an account deleted in error; stored as the request's reason, so never above <see cref="Reason"/>.</summary>
    public const int Note = Reason;

    /// <summary>The last note support or the system left on a request.</summary>
    public const int SupportNote = 2000;

    public const int PartnerName = 200;

    /// <summary>The new CSP partner's tenant id as typed (a GUID, possibly in braces).</summary>
    public const int PartnerTenantId = 64;

    /// <summary>An email address (RFC 5321's practical maximum).</summary>
    public const int Email = 254;

    /// <summary>A language code of the unlink instructions.</summary>
    public const int Language = 16;

    /// <summary>The account id typed back to confirm a deletion.</summary>
    public const int ConfirmationText = 64;

    /// <summary>Part of a customer's name to search for.</summary>
    public const int SearchText = 100;

    /// <summary>A name or address line of the transfer contact.</summary>
    public const int ContactText = 200;

    /// <summary>A phone number as typed (it is stored in E.164, which is shorter).</summary>
    public const int Phone = 32;

    public const int PostalCode = 32;

    /// <summary>A country as stored: its ISO 3166 alpha-2 code. (It is typed as a name or code of up to <see cref="ContactText"/>.)</summary>
    public const int CountryCode = 2;

    /// <summary>The key a client sends so the same submission twice makes one request.</summary>
    public const int IdempotencyKey = 128;

    /// <summary>How long a transfer contact field may be as the person types it.</summary>
    public static int Contact(ContactField field) => field switch
    {
        ContactField.ContactPhone or ContactField.BillingContactPhone => Phone,
        ContactField.PostalCode => PostalCode,
        ContactField.BillingContactEmail or ContactField.AssignmentEmail => Email,
        ContactField.CompanyName or ContactField.ContactName or ContactField.StreetAddress or ContactField.City
            or ContactField.StateOrRegion or ContactField.Country or ContactField.BillingContactName => ContactText,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "This contact field has no limit."),
    };

    /// <summary>The message for a value over its limit, naming the limit.</summary>
    public static string TooLong(string what, int limit) => Texts.Format("TooLong", what, limit);
}
