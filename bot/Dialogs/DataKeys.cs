using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// The names under which card actions carry ids and inputs back. Everything they carry is re-checked on the server.
/// The form inputs' names come from the removal option catalog (<see cref="FormFields"/>).
/// </summary>
public static class DataKeys
{
    public const string Flow = "flow";
    public const string Step = "step";
    public const string CustomerId = "customerId";
    public const string AccountId = "accountId";
    public const string Option = "option";
    public const string RequestId = "requestId";
    public const string Version = "version";

    /// <summary>The outbox message of the failed email a "send again" button was shown for.</summary>
    public const string EmailMessageId = "emailMessageId";
    public const string Search = "search";

    /// <summary>The input of the customer's Microsoft Entra tenant id on an Azure pre-flight card.</summary>
    public const string AzureTenantId = "azureTenantId";
    public const string Confirmation = FormFields.ConfirmationId;
    public const string Reason = FormFields.ReasonId;
    public const string PartnerName = FormFields.PartnerNameId;
    public const string PartnerTenantId = FormFields.PartnerTenantIdId;
    public const string EndCustomerEmail = FormFields.EndCustomerEmailId;
    public const string Language = FormFields.LanguageId;
    public const string Note = FormFields.NoteId;

    /// <summary>The input id of a transfer contact field.</summary>
    public static string Contact(ContactField field) => FormFields.ContactId(field);
}
