namespace SesBot.Bot.Dialogs;

/// <summary>The names under which card actions carry ids and inputs back. Everything they carry is re-checked on the server.</summary>
public static class DataKeys
{
    public const string Flow = "flow";
    public const string Step = "step";
    public const string CustomerId = "customerId";
    public const string AccountId = "accountId";
    public const string Option = "option";
    public const string RequestId = "requestId";
    public const string Version = "version";
    public const string Search = "search";
    public const string Confirmation = "confirmation";
    public const string Reason = "reason";
    public const string PartnerName = "partnerName";
    public const string PartnerTenantId = "partnerTenantId";
    public const string EndCustomerEmail = "endCustomerEmail";
    public const string Language = "language";
    public const string Note = "note";

    /// <summary>The input id of a transfer contact field.</summary>
    public static string Contact(Core.Domain.ContactField field) => "contact" + field;
}
