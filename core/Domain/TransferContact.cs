namespace SesBot.Core.Domain;

/// <summary>
/// The company an AWS account is transferred to, as validated: phones in E.164, the country as an ISO 3166 alpha-2 code,
/// emails trimmed. Only <see cref="Workflow.TransferContactValidator"/> makes one from user input.
/// </summary>
public sealed record TransferContact(
    string CompanyName,
    string ContactName,
    string ContactPhone,
    string StreetAddress,
    string City,
    string StateOrRegion,
    string PostalCode,
    string Country,
    string BillingContactName,
    string BillingContactPhone,
    string BillingContactEmail,
    string AssignmentEmail);
