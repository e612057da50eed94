using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The removal dialog's cards for each path: confirmations and the forms that collect what support needs.</summary>
public static partial class RemovalCards
{
    public static Reply ConfirmDelete(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        return new Reply(
        [
            new HeadingBlock(S.Format("ConfirmDelete.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S["ConfirmDelete.Warning"], Tone.Attention),
            AccountFacts(customer, account),
            Input(state, FormFields.Confirmation, errors, S.Format("ConfirmDelete.Label", FormFields.Confirmation.Label, account.ExternalId)),
            new ActionsBlock([Action(state, S["ConfirmDelete.Button"], ActionIds.ConfirmDelete, ReplyActionStyle.Destructive), BackAction(state), CancelAction(state)]),
        ])
        { Summary = S.Format("ConfirmDelete.Summary", account.ExternalId) };
    }

    public static Reply TransferContactForm(FlowState state, CloudAccount account, IReadOnlyDictionary<ContactField, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        var draft = state.Contact ?? new TransferContactDraft();
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("Transfer.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S["Transfer.Intro"]),
            new ParagraphBlock(S["Transfer.AllRequired"], Tone.Subtle),
        };
        if (errors is { Count: > 0 })
        {
            blocks.Add(new ParagraphBlock(S.Plural("Transfer.Errors", errors.Count), Tone.Attention));
        }

        // Three parts, each under its own heading: the new owner, their billing contact, and where AWS sends the account.
        foreach (var (heading, fields) in TransferSections)
        {
            blocks.Add(new SectionBlock(S[heading], [.. fields.Select(field =>
            {
                var input = FormFields.TransferContact.Single(f => f.Contact == field);
                return Input(input, draft[field], null) with { Error = errors is not null && errors.TryGetValue(field, out var message) ? message : null };
            })]));
        }

        blocks.Add(new ActionsBlock([Action(state, S["Transfer.Review"], ActionIds.ReviewTransferContact, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = S["Transfer.Summary"] };
    }

    /// <summary>The transfer form's sections, in order: the resource key of each heading and the contact fields it holds.</summary>
    private static readonly (string HeadingKey, ContactField[] Fields)[] TransferSections =
    [
        ("Section.NewOwner", [ContactField.CompanyName, ContactField.ContactName, ContactField.ContactPhone, ContactField.StreetAddress,
            ContactField.City, ContactField.StateOrRegion, ContactField.PostalCode, ContactField.Country]),
        ("Section.BillingContact", [ContactField.BillingContactName, ContactField.BillingContactPhone, ContactField.BillingContactEmail]),
        ("Section.AccountAssignment", [ContactField.AssignmentEmail]),
    ];

    public static Reply ReviewTransfer(FlowState state, Customer customer, CloudAccount account, TransferContact contact)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(contact);
        return new Reply(
        [
            new HeadingBlock(S["ReviewTransfer.Heading"]),
            AccountFacts(customer, account),
            new SectionBlock(S["Section.NewOwner"],
            [
                new FactsBlock(
                [
                    new ReplyFact(TransferContactValidator.Label(ContactField.CompanyName), contact.CompanyName),
                    new ReplyFact(TransferContactValidator.Label(ContactField.ContactName), contact.ContactName),
                    new ReplyFact(TransferContactValidator.Label(ContactField.ContactPhone), Texts.Phone(contact.ContactPhone)),
                    new ReplyFact(S["ReviewTransfer.Address"], S.Format("ReviewTransfer.AddressLine", contact.StreetAddress, contact.City, contact.StateOrRegion, contact.PostalCode, Texts.Country(contact.Country))),
                ]),
            ]),
            new SectionBlock(S["Section.BillingContact"],
            [
                new FactsBlock(
                [
                    new ReplyFact(S["Facts.Name"], contact.BillingContactName),
                    new ReplyFact(S["Facts.Phone"], Texts.Phone(contact.BillingContactPhone)),
                    new ReplyFact(S["Facts.Email"], contact.BillingContactEmail),
                ]),
            ]),
            new SectionBlock(S["Section.AccountAssignment"],
            [
                new FactsBlock([new ReplyFact(TransferContactValidator.Label(ContactField.AssignmentEmail), contact.AssignmentEmail)]),
            ]),
            new ActionsBlock([Action(state, S["ReviewTransfer.Submit"], ActionIds.SubmitTransferRequest, ReplyActionStyle.Primary), Action(state, S["ReviewTransfer.Edit"], ActionIds.Back) with { SubmitsInputs = false }, CancelAction(state)]),
        ])
        { Summary = S["ReviewTransfer.Summary"] };
    }

    public static Reply ConfirmRemoveFromPayer(
        FlowState state, Customer customer, CloudAccount account, BillingImpact impact, IReadOnlyList<MonthToDateAmount>? monthToDate = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(impact);
        var month = BillingTexts.Month(impact);
        var facts = new List<ReplyFact>
        {
            new(S["Payer.LinkedThisMonth"], BillingTexts.Period(impact)),
            new(S["Payer.Days"], BillingTexts.Days(impact)),
            new(S["Payer.Share"], BillingTexts.Share(impact)),
        };
        if (monthToDate is { Count: > 0 })
        {
            // SES imports a monthly amount: what it holds so far, not a figure worked out for the linked days.
            facts.Add(new ReplyFact(S["Payer.Billed"], S.Format("Payer.BilledValue", BillingTexts.Amounts(monthToDate), month)));
        }

        var warning = impact.LinkedDays == 0
            ? S.Format("Payer.NotLinked", month, customer.Name)
            : S.Format("Payer.Invoice", customer.Name, BillingTexts.Days(impact), month, BillingTexts.Share(impact));
        return new Reply(
        [
            new HeadingBlock(S.Format("Payer.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(RemovalOptionCatalog.Get(RemovalOption.AwsRemoveFromPayer).Description),
            AccountFacts(customer, account),
            new ParagraphBlock(S.Format("Payer.WhatYouInvoice", month), Tone.Subtle),
            new FactsBlock(facts),
            new ParagraphBlock(BillingTexts.Basis, Tone.Subtle),
            new ParagraphBlock(warning, Tone.Warning),
            new ActionsBlock([Action(state, S["Payer.Submit"], ActionIds.ConfirmRemoveFromPayer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = S.Format("Payer.Summary", account.ExternalId) };
    }

    public static Reply UnlinkForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var language = UnlinkInstructions.Normalize(state.Field(DataKeys.Language));
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("Unlink.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S["Unlink.Intro"]),
        };
        blocks.AddRange(UnlinkInstructions.Steps(language).Select(step => new ParagraphBlock(step)));
        blocks.Add(new ParagraphBlock(UnlinkInstructions.PaymentPrerequisite(language), Tone.Warning));
        blocks.Add(AccountFacts(customer, account));
        blocks.Add(Input(state, FormFields.EndCustomerEmail, errors));
        blocks.Add(new ChoiceInputBlock(FormFields.Language.Id, FormFields.Language.Label, [.. UnlinkInstructions.Languages.Select(l => new ReplyChoice(l.Name, l.Code))])
        {
            Value = language,
            Error = ErrorOf(errors, FormFields.Language.Id),
            IsRequired = false,
        });
        blocks.Add(new ActionsBlock([Action(state, S["Unlink.Submit"], ActionIds.SubmitUnlink, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = RemovalOptionCatalog.Get(RemovalOption.AwsSelfUnlink).RequestTitle };
    }

    public static Reply AzureTransferForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Reply(
        [
            new HeadingBlock(S.Format("AzureTransfer.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S["AzureTransfer.HowItWorks"]),
            new ParagraphBlock(S["AzureTransfer.WhatYouDo"], Tone.Subtle),
            AccountFacts(customer, account),
            Input(state, FormFields.PartnerName, errors),
            Input(state, FormFields.PartnerTenantId, errors),
            new ActionsBlock([Action(state, S["AzureTransfer.Submit"], ActionIds.SubmitAzureTransfer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = RemovalOptionCatalog.Get(RemovalOption.AzureTransferToCsp).Label };
    }

    public static Reply AzureSuspendForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Reply(
        [
            new HeadingBlock(S.Format("AzureSuspend.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S["AzureSuspend.Intro"]),
            AccountFacts(customer, account),
            Input(state, FormFields.Reason, errors),
            new ActionsBlock([Action(state, S["AzureSuspend.Submit"], ActionIds.SubmitAzureSuspend, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = RemovalOptionCatalog.Get(RemovalOption.AzureSuspend).Label };
    }

    public static Reply DeletedInErrorForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        return new Reply(
        [
            new HeadingBlock(S.Format("DeletedInError.Heading", Texts.AccountLabel(account))),
            new ParagraphBlock(S.Format("DeletedInError.Intro", Texts.Instant(account.ClosedAt ?? account.LinkedAt)), Tone.Warning),
            AccountFacts(customer, account),
            Input(state, FormFields.Note, errors),
            new ActionsBlock([Action(state, S["DeletedInError.Submit"], ActionIds.SubmitDeletedInError, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = RemovalOptionCatalog.Get(RemovalOption.DeletedInErrorTicket).RequestTitle };
    }

    public static Reply ConfirmRemoveCustomer(FlowState state, Customer customer, Core.Policy.OptionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(decision);
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("RemoveCustomer.Heading", customer.Name)),
            // The customer's accounts as on the account list: each once, with its badges.
            new ItemsBlock([.. customer.Accounts.Select(a => new ReplyItem(S.Format("AccountPicker.Row", Texts.Provider(a.Provider), a.ExternalId, a.DisplayName))
            {
                Badges = AccountBadges(a, null),
            })]),
        };
        if (!decision.IsAllowed)
        {
            blocks.Add(new ParagraphBlock(S.Format("RemoveCustomer.Denied", customer.Name, decision.DenialReason), Tone.Attention));
            blocks.AddRange(decision.Warnings.Skip(1).Select(w => new ParagraphBlock(w, Tone.Subtle)));
            blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
            return new Reply(blocks) { Summary = S.Format("RemoveCustomer.DeniedSummary", customer.Name) };
        }

        blocks.AddRange(decision.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));
        var deleted = customer.Accounts.Where(a => a.State == AccountState.Active).ToList();
        if (deleted.Count > 0)
        {
            // Say exactly what goes, and what does not happen: nothing is closed at the cloud provider.
            blocks.Add(new ParagraphBlock(
                S.Plural("RemoveCustomer.Deleted", deleted.Count, customer.Name, string.Join(", ", deleted.Select(a => S.Format("RemoveCustomer.Account", Texts.Provider(a.Provider), a.ExternalId)))),
                Tone.Attention));
        }

        blocks.Add(new ActionsBlock([Action(state, RemovalOptionCatalog.Get(RemovalOption.RemoveCustomer).Label, ActionIds.ConfirmRemoveCustomer, ReplyActionStyle.Destructive), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = S.Format("RemoveCustomer.Summary", customer.Name) };
    }
}
