using SesBot.Core.Domain;

namespace SesBot.Core.Tests.Support;

/// <summary>Transfer contact drafts that pass validation, one per country, to be spoiled one field at a time.</summary>
public static class Contacts
{
    public static TransferContactDraft ValidUs() => new()
    {
        CompanyName = "Contoso Ltd",
        ContactName = "Jane Doe",
        ContactPhone = "(201) 555-0123",
        StreetAddress = "1 Microsoft Way",
        City = "Seattle",
        StateOrRegion = "WA",
        PostalCode = "98101",
        Country = "United States",
        BillingContactName = "John Roe",
        BillingContactPhone = "+1 201 555 0124",
        BillingContactEmail = "billing@contoso.com",
        AssignmentEmail = "aws-owner@contoso.com",
    };

    /// <summary>A valid contact whose phones carry their country code, so no field depends on the country.</summary>
    public static TransferContactDraft ValidInternational() => ValidUs() with { ContactPhone = "+1 201 555 0123" };

    public static TransferContactDraft Valid(string country, string phone, string postalCode) => ValidUs() with
    {
        Country = country,
        ContactPhone = phone,
        BillingContactPhone = phone,
        PostalCode = postalCode,
    };
}
