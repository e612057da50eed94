namespace SesBot.Core.Domain;

/// <summary>The fields of a transfer-of-ownership contact, in the order they are asked for.</summary>
public enum ContactField
{
    CompanyName,
    ContactName,
    ContactPhone,
    StreetAddress,
    City,
    StateOrRegion,
    PostalCode,
    Country,
    BillingContactName,
    BillingContactPhone,
    BillingContactEmail,
    AssignmentEmail,
}
