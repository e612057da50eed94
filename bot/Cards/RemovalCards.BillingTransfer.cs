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
            new(S["EndTransfer.Ends"], BillingTexts.TransferEnd(impact)),
            new(S["EndTransfer.Billed"], BillingTexts.Period(impact)),
            new(S["Payer.Days"], BillingTexts.Days(impact)),
            new(S["Payer.Share"], BillingTexts.Share(impact)),
        };
        if (monthToDate is { Count: > 0 })
        {
            // SES imports a monthly amount: what it holds so far; the rest of the month is still to come.
            facts.Add(new ReplyFact(S["Payer.Billed"], S.Format("EndTransfer.BilledValue", BillingTexts.Amounts(monthToDate), month)));
        }

        var invoice = impact.LinkedDays == 0
            ? S.Format("EndTransfer.NothingToInvoice", month, customer.Name)
            : S.Format("EndTransfer.Invoice", customer.Name, month, BillingTexts.TransferEnd(impact), BillingTexts.Days(impact), BillingTexts.Share(impact), BillingTexts.AfterTransfer(impact));
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("EndTransfer.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(RemovalOptionCatalog.Get(RemovalOption.AwsEndBillingTransfer).Description),
            AccountFacts(customer, account),
            new ParagraphBlock(S.Format("EndTransfer.WhatYouInvoice", month), Tone.Subtle),
            new FactsBlock(facts),
            new ParagraphBlock(BillingTexts.TransferBasis, Tone.Subtle),
            new ParagraphBlock(invoice, Tone.Warning),
        };
        if (account.BillingTransfer is { } transfer)
        {
            var warning = S.Format("EndTransfer.WholeOrganization", transfer.SourceManagementAccountId);
            if (sameTransfer is { Count: > 0 })
            {
                warning += " " + S.Plural("EndTransfer.Others", sameTransfer.Count, customer.Name, string.Join(", ", sameTransfer.Select(Texts.AccountLabel)));
            }

            blocks.Add(new ParagraphBlock(warning, Tone.Warning));
        }

        blocks.Add(new ActionsBlock([Action(state, S["EndTransfer.Submit"], ActionIds.ConfirmEndBillingTransfer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = S.Format("EndTransfer.Summary", account.ExternalId) };
    }
}
