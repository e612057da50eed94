using System.Collections.Frozen;

namespace SesBot.Core.Domain;

/// <summary>
/// One entry per removal option: its form, its workflow and who carries it out (its words are in the resources). The policy, the
/// workflow, the dialog and the cards read it instead of each switching on the option.
/// </summary>
public static class RemovalOptionCatalog
{
    private static readonly FrozenDictionary<RemovalOption, RemovalOptionInfo> Entries = new RemovalOptionInfo[]
    {
        new(
            RemovalOption.DeleteFromPlatform,
            [FormFields.Confirmation],
            OptionHandling.SelfService,
            RequestWorkflow.SelfService,
            Provider: null),
        new(
            RemovalOption.RemoveCustomer,
            [],
            OptionHandling.SelfService,
            RequestWorkflow.SelfService,
            Provider: null,
            IsAboutCustomer: true),
        new(
            RemovalOption.AzureTransferToCsp,
            [FormFields.PartnerName, FormFields.PartnerTenantId],
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            CloudProvider.Azure),
        new(
            RemovalOption.AzureSuspend,
            [FormFields.Reason],
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            CloudProvider.Azure),
        new(
            RemovalOption.AwsTransferOwnership,
            FormFields.TransferContact,
            OptionHandling.SupportTicket,
            RequestWorkflow.TransferOfOwnership,
            CloudProvider.Aws),
        new(
            RemovalOption.AwsRemoveFromPayer,
            [],
            OptionHandling.SupportTicket,
            RequestWorkflow.PayerRemoval,
            CloudProvider.Aws),
        new(
            RemovalOption.AwsSelfUnlink,
            [FormFields.EndCustomerEmail, FormFields.Language],
            OptionHandling.EndCustomerInstructions,
            RequestWorkflow.EndCustomerInstructions,
            CloudProvider.Aws),
        new(
            RemovalOption.DeletedInErrorTicket,
            [FormFields.Note],
            OptionHandling.SupportTicket,
            RequestWorkflow.SupportTicket,
            Provider: null,
            IsUrgent: true),
        new(
            RemovalOption.AwsEndBillingTransfer,
            [],
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
