using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The confirmation of ending an AWS Billing Transfer: when it ends and what the reseller invoices up to then.</summary>
public static partial class RemovalCards
{
    public static Reply ConfirmEndBillingTransfer(
        FlowState state,
        Customer customer,
        CloudAccount account,
        BillingImpact impact,
        IReadOnlyList<MonthToDateAmount>? monthToDate = null,
        IReadOnlyList<CloudAccount>? sameTransfer = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(impact);
        var month = BillingTexts.Month(impact);
        var facts = new List<ReplyFact>
        {
            new("Transfer ends", BillingTexts.TransferEnd(impact)),
            new("Billed through the distributor this month", BillingTexts.Period(impact)),
            new("Days", BillingTexts.Days(impact)),
            new("Share of the month", BillingTexts.Share(impact)),
        };
        if (monthToDate is { Count: > 0 })
        {
            // SES imports a monthly amount: what it holds so far; the rest of the month is still to come.
            facts.Add(new ReplyFact("Billed in SES this month so far", $"{BillingTexts.Amounts(monthToDate)}: the usage SES imported for {month} so far; the rest of the month follows"));
        }

        var invoice = impact.LinkedDays == 0
            ? $"The transfer does not cover any of {month}: there is nothing of {month} to invoice {customer.Name}."
            : $"Invoice {customer.Name} for {month} up to {BillingTexts.TransferEnd(impact)}, when the transfer ends: {BillingTexts.Days(impact)} days ({BillingTexts.Share(impact)}). " +
              $"From {BillingTexts.AfterTransfer(impact)} the customer's organization pays AWS itself. If support ends the transfer in a later month, it runs to the end of that month instead.";
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"End the billing transfer of {Texts.AccountLabel(account)}?"),
            new ParagraphBlock(RemovalOptionCatalog.Get(RemovalOption.AwsEndBillingTransfer).Description),
            AccountFacts(customer, account),
            new ParagraphBlock($"What you invoice the customer for {month} (if support ends the transfer now)", Tone.Subtle),
            new FactsBlock(facts),
            new ParagraphBlock(BillingTexts.TransferBasis, Tone.Subtle),
            new ParagraphBlock(invoice, Tone.Warning),
        };
        if (account.BillingTransfer is { } transfer)
        {
            var others = sameTransfer is { Count: > 0 }
                ? $" It ends for {(sameTransfer.Count == 1 ? "this account" : "these accounts")} of {customer.Name} as well: {string.Join(", ", sameTransfer.Select(Texts.AccountLabel))}."
                : string.Empty;
            blocks.Add(new ParagraphBlock(
                $"Ending it stops the distributor paying for the customer's whole AWS organization (management account {transfer.SourceManagementAccountId}), " +
                $"not only this account, and it cannot be undone: a new transfer needs a new invitation.{others}", Tone.Warning));
        }

        blocks.Add(new ActionsBlock([Action(state, "Submit: end the transfer", ActionIds.ConfirmEndBillingTransfer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = $"Confirm ending the billing transfer of {account.ExternalId}" };
    }
}
