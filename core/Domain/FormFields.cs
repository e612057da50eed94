namespace SesBot.Core.Domain;

/// <summary>The inputs the removal options ask for, each defined once: its id, limit and kind (its words are in the resources).</summary>
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
        new(ConfirmationId, true, FormFieldKind.Text, FieldLimits.ConfirmationText);

    public static FormField Reason { get; } =
        new(ReasonId, true, FormFieldKind.Multiline, FieldLimits.Reason);

    public static FormField PartnerName { get; } =
        new(PartnerNameId, false, FormFieldKind.Text, FieldLimits.PartnerName);

    public static FormField PartnerTenantId { get; } =
        new(PartnerTenantIdId, false, FormFieldKind.Text, FieldLimits.PartnerTenantId, HasPlaceholder: true);

    public static FormField EndCustomerEmail { get; } =
        new(EndCustomerEmailId, true, FormFieldKind.Email, FieldLimits.Email);

    public static FormField Language { get; } =
        new(LanguageId, false, FormFieldKind.Choice, FieldLimits.Language);

    public static FormField Note { get; } =
        new(NoteId, false, FormFieldKind.Multiline, FieldLimits.Note);

    /// <summary>The transfer contact's fields, in the order they are asked for.</summary>
    public static IReadOnlyList<FormField> TransferContact { get; } = [.. Enum.GetValues<ContactField>().Select(ContactInput)];

    /// <summary>The input id of a transfer contact field.</summary>
    public static string ContactId(ContactField field) => "contact" + field;

    /// <summary>How a transfer contact field is called on the form and in messages (its input's label).</summary>
    public static string ContactLabel(ContactField field) => Enum.IsDefined(field)
        ? ContactInput(field).Label
        : throw new ArgumentOutOfRangeException(nameof(field), field, "This contact field has no label.");

    private static FormField ContactInput(ContactField field) => new(
        ContactId(field),
        IsRequired: true,
        field switch
        {
            ContactField.BillingContactEmail or ContactField.AssignmentEmail => FormFieldKind.Email,
            ContactField.ContactPhone or ContactField.BillingContactPhone => FormFieldKind.Phone,
            _ => FormFieldKind.Text,
        },
        FieldLimits.Contact(field),
        HasPlaceholder: field is ContactField.ContactPhone or ContactField.BillingContactPhone or ContactField.Country or ContactField.AssignmentEmail,
        field);
}
