namespace SesBot.Core.Domain;

/// <summary>The inputs the removal options ask for, each defined once: its id, label, limit and kind.</summary>
public static class FormFields
{
    public const string ConfirmationId = "confirmation";
    public const string ReasonId = "reason";
    public const string PartnerNameId = "partnerName";
    public const string PartnerTenantIdId = "partnerTenantId";
    public const string EndCustomerEmailId = "endCustomerEmail";
    public const string LanguageId = "language";
    public const string NoteId = "note";

    /// <summary>The account id typed back to confirm a deletion; the card adds the id to the label.</summary>
    public static FormField Confirmation { get; } =
        new(ConfirmationId, "To confirm, type the account id", "The account id", true, FormFieldKind.Text, FieldLimits.ConfirmationText);

    public static FormField Reason { get; } =
        new(ReasonId, "Why should it be suspended?", "The reason", true, FormFieldKind.Multiline, FieldLimits.Reason);

    public static FormField PartnerName { get; } =
        new(PartnerNameId, "New partner's name (if known)", "The partner's name", false, FormFieldKind.Text, FieldLimits.PartnerName);

    public static FormField PartnerTenantId { get; } =
        new(PartnerTenantIdId, "New partner's tenant id (if known)", "The partner's tenant id", false, FormFieldKind.Text, FieldLimits.PartnerTenantId,
            Placeholder: "00000000-0000-0000-0000-000000000000");

    public static FormField EndCustomerEmail { get; } =
        new(EndCustomerEmailId, "End customer's email address", "The email address", true, FormFieldKind.Email, FieldLimits.Email);

    public static FormField Language { get; } =
        new(LanguageId, "Language of the instructions", "The language", false, FormFieldKind.Choice, FieldLimits.Language);

    public static FormField Note { get; } =
        new(NoteId, "Anything support should know (optional)", "The note", false, FormFieldKind.Multiline, FieldLimits.Note);

    /// <summary>The transfer contact's fields, in the order they are asked for.</summary>
    public static IReadOnlyList<FormField> TransferContact { get; } = [.. Enum.GetValues<ContactField>().Select(ContactInput)];

    /// <summary>The input id of a transfer contact field.</summary>
    public static string ContactId(ContactField field) => "contact" + field;

    /// <summary>How a transfer contact field is called on the form and in messages.</summary>
    public static string ContactLabel(ContactField field) => field switch
    {
        ContactField.CompanyName => "Company name",
        ContactField.ContactName => "Contact name",
        ContactField.ContactPhone => "Contact phone",
        ContactField.StreetAddress => "Street address",
        ContactField.City => "City",
        ContactField.StateOrRegion => "State or region",
        ContactField.PostalCode => "Postal code",
        ContactField.Country => "Country",
        ContactField.BillingContactName => "Billing contact name",
        ContactField.BillingContactPhone => "Billing contact phone",
        ContactField.BillingContactEmail => "Billing contact email",
        ContactField.AssignmentEmail => "Email for the account assignment",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "This contact field has no label."),
    };

    private static FormField ContactInput(ContactField field) => new(
        ContactId(field),
        ContactLabel(field),
        ContactLabel(field),
        IsRequired: true,
        field switch
        {
            ContactField.BillingContactEmail or ContactField.AssignmentEmail => FormFieldKind.Email,
            ContactField.ContactPhone or ContactField.BillingContactPhone => FormFieldKind.Phone,
            _ => FormFieldKind.Text,
        },
        FieldLimits.Contact(field),
        field switch
        {
            ContactField.ContactPhone or ContactField.BillingContactPhone => "+1 206 555 0100",
            ContactField.Country => "Country name or code, e.g. US",
            ContactField.AssignmentEmail => "Where AWS sends the account assignment",
            _ => null,
        },
        field);
}
