namespace SesBot.Core.Domain;

/// <summary>Transfer contact fields exactly as the user typed them; kept whole while some of them are still wrong.</summary>
public sealed record TransferContactDraft
{
    public string? CompanyName { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? StreetAddress { get; init; }

    public string? City { get; init; }

    public string? StateOrRegion { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public string? BillingContactName { get; init; }

    public string? BillingContactPhone { get; init; }

    public string? BillingContactEmail { get; init; }

    public string? AssignmentEmail { get; init; }

    public string? this[ContactField field] => field switch
    {
        ContactField.CompanyName => CompanyName,
        ContactField.ContactName => ContactName,
        ContactField.ContactPhone => ContactPhone,
        ContactField.StreetAddress => StreetAddress,
        ContactField.City => City,
        ContactField.StateOrRegion => StateOrRegion,
        ContactField.PostalCode => PostalCode,
        ContactField.Country => Country,
        ContactField.BillingContactName => BillingContactName,
        ContactField.BillingContactPhone => BillingContactPhone,
        ContactField.BillingContactEmail => BillingContactEmail,
        ContactField.AssignmentEmail => AssignmentEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Returns a copy with one field replaced.</summary>
    public TransferContactDraft With(ContactField field, string? value) => field switch
    {
        ContactField.CompanyName => this with { CompanyName = value },
        ContactField.ContactName => this with { ContactName = value },
        ContactField.ContactPhone => this with { ContactPhone = value },
        ContactField.StreetAddress => this with { StreetAddress = value },
        ContactField.City => this with { City = value },
        ContactField.StateOrRegion => this with { StateOrRegion = value },
        ContactField.PostalCode => this with { PostalCode = value },
        ContactField.Country => this with { Country = value },
        ContactField.BillingContactName => this with { BillingContactName = value },
        ContactField.BillingContactPhone => this with { BillingContactPhone = value },
        ContactField.BillingContactEmail => this with { BillingContactEmail = value },
        ContactField.AssignmentEmail => this with { AssignmentEmail = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
