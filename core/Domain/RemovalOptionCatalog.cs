using System.Collections.Frozen;

namespace SesBot.Core.Domain;

/// <summary>
/// One entry per removal option: its words, its form, what happens next and who carries it out. The policy, the
/// workflow, the dialog and the cards read it instead of each switching on the option.
/// </summary>
public static class RemovalOptionCatalog
{
    private static readonly FrozenDictionary<RemovalOption, RemovalOptionInfo> Entries = new RemovalOptionInfo[]
    {
        new(
            RemovalOption.DeleteFromPlatform,
            "Delete from SES",
            "Delete from SES",
            "Removes the account from SES at once. Only for an account added by mistake that never had billing data.",
            [FormFields.Confirmation],
            "The account is deleted from SES.",
            OptionHandling.SelfService,
            RequestWorkflow.SelfService,
            Provider: null),
        new(
            RemovalOption.RemoveCustomer,
            "Remove the customer",
            "Remove the customer",
            "Removes the customer from SES, with its accounts that never had billing data.",
            [],
            "The customer is removed from SES.",
            OptionHandling.SelfService,
            RequestWorkflow.SelfService,
            Provider: null,
            IsAboutCustomer: true),
        new(
            RemovalOption.AzureTransferToCsp,
            "Transfer to another CSP",
            "Transfer to another CSP",
            "The new CSP partner starts the transfer in Partner Center; SES support approves it on the distributor's side. " +
            "The customer must first accept a reseller relationship with the new partner.",
            [FormFields.PartnerName, FormFields.PartnerTenantId],
            "Next: SES support approves the transfer once the new partner has requested it in Partner Center.",
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            CloudProvider.Azure),
        new(
            RemovalOption.AzureSuspend,
            "Suspend the subscription",
            "Suspend the subscription",
            "SES support suspends the subscription through a support ticket. It stays in SES, and can be reactivated later.",
            [FormFields.Reason],
            "Next: SES support suspends the subscription.",
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            CloudProvider.Azure),
        new(
            RemovalOption.AwsTransferOwnership,
            "Transfer of ownership",
            "Transfer of ownership",
            "SES support works with AWS to transfer the account to its new owner, hands the credentials to the new owner " +
            "and removes the account from the distributor's payer organization. It needs the new owner's contact and billing contact.",
            FormFields.TransferContact,
            "Next: SES support contacts AWS and starts the transfer. When the paperwork is done, support gives the new owner the " +
            "credentials and removes the account from the payer organization. This card shows each step.",
            OptionHandling.SupportTicket,
            RequestWorkflow.TransferOfOwnership,
            CloudProvider.Aws),
        new(
            RemovalOption.AwsRemoveFromPayer,
            "Remove from the payer organization",
            "Remove from the payer organization",
            "SES support removes the account from the distributor's payer organization. It takes effect at once; from then on " +
            "the account's owner pays AWS directly.",
            [],
            "Next: SES support removes the account from the payer organization; that takes effect at once. This card shows when it is done.",
            OptionHandling.SupportTicket,
            RequestWorkflow.PayerRemoval,
            CloudProvider.Aws),
        new(
            RemovalOption.AwsSelfUnlink,
            "Send unlink instructions",
            "Unlink instructions for the end customer",
            "The end customer, with root access, leaves the organization in the AWS console. SesBot sends them the steps.",
            [FormFields.EndCustomerEmail, FormFields.Language],
            "The instructions go to the end customer. The account leaves the organization when they complete the steps.",
            OptionHandling.EndCustomerInstructions,
            RequestWorkflow.EndCustomerInstructions,
            CloudProvider.Aws),
        new(
            RemovalOption.DeletedInErrorTicket,
            "Report deleted in error",
            "Deleted in error (urgent ticket)",
            "Opens an urgent ticket so SES support can restore the account as soon as possible.",
            [FormFields.Note],
            "Next: SES support restores the account urgently.",
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            Provider: null),
        new(
            RemovalOption.AwsEndBillingTransfer,
            "End billing transfer",
            "End the billing transfer",
            "SES support ends the AWS Billing Transfer through which the distributor pays the customer's AWS organization's bills; " +
            "after the transfer's end the customer's organization pays AWS itself.",
            [],
            "Next: SES support ends the billing transfer at AWS. The distributor keeps paying until 23:59:59 UTC on the last day of the month " +
            "in which support ends it, so you invoice the customer up to then. This card shows when it is done.",
            OptionHandling.SupportExecutes,
            RequestWorkflow.BillingTransferEnd,
            CloudProvider.Aws),
    }.ToFrozenDictionary(e => e.Option);

    /// <summary>Every entry, in the order of <see cref="RemovalOption"/>.</summary>
    public static IReadOnlyList<RemovalOptionInfo> All { get; } = [.. Entries.Values.OrderBy(e => e.Option)];

    /// <summary>The entry of an option; an option without one is a programming error.</summary>
    public static RemovalOptionInfo Get(RemovalOption option) =>
        Entries.TryGetValue(option, out var info)
            ? info
            : throw new DomainException($"The removal option {option} has no catalog entry.");

    /// <summary>Whether the option has an entry (for start-up and test checks).</summary>
    public static bool Contains(RemovalOption option) => Entries.ContainsKey(option);
}
