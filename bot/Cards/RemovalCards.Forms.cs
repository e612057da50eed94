using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
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
            new HeadingBlock($"Delete {Texts.AccountLabel(account)} from SES?"),
            new ParagraphBlock(
                "Deleting removes this account and ALL of its usage and billing history from SES. Do this only for an account " +
                "that was added by mistake and never had billing data. It does not close or change the account at the cloud provider.",
                Tone.Attention),
            AccountFacts(customer, account),
            Input(state, FormFields.Confirmation, errors, $"{FormFields.Confirmation.Label} {account.ExternalId}"),
            new ActionsBlock([Action(state, "Delete the account", ActionIds.ConfirmDelete, ReplyActionStyle.Destructive), BackAction(state), CancelAction(state)]),
        ])
        { Summary = $"Confirm deleting {account.ExternalId}" };
    }

    public static Reply TransferContactForm(FlowState state, CloudAccount account, IReadOnlyDictionary<ContactField, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        var draft = state.Contact ?? new TransferContactDraft();
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"Transfer of ownership: {Texts.AccountLabel(account)}"),
            new ParagraphBlock(
                "Who takes the account over? SES support sends these details to AWS to transfer ownership, then hands the " +
                "credentials to the new owner and removes the account from the distributor's payer organization."),
            new ParagraphBlock("Every field is required (marked *).", Tone.Subtle),
        };
        if (errors is { Count: > 0 })
        {
            blocks.Add(new ParagraphBlock(
                errors.Count == 1 ? "1 field needs fixing; everything else you entered is kept." : $"{errors.Count} fields need fixing; everything else you entered is kept.",
                Tone.Attention));
        }

        // Three parts, each under its own heading: the new owner, their billing contact, and where AWS sends the account.
        foreach (var (heading, fields) in TransferSections)
        {
            blocks.Add(new SectionBlock(heading, [.. fields.Select(field =>
            {
                var input = FormFields.TransferContact.Single(f => f.Contact == field);
                return Input(input, draft[field], null) with { Error = errors is not null && errors.TryGetValue(field, out var message) ? message : null };
            })]));
        }

        blocks.Add(new ActionsBlock([Action(state, "Review", ActionIds.ReviewTransferContact, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = "Transfer of ownership: contact details" };
    }

    /// <summary>The transfer form's sections, in order, with the contact fields each holds.</summary>
    private static readonly (string Heading, ContactField[] Fields)[] TransferSections =
    [
        ("New owner", [ContactField.CompanyName, ContactField.ContactName, ContactField.ContactPhone, ContactField.StreetAddress,
            ContactField.City, ContactField.StateOrRegion, ContactField.PostalCode, ContactField.Country]),
        ("Billing contact", [ContactField.BillingContactName, ContactField.BillingContactPhone, ContactField.BillingContactEmail]),
        ("Account assignment", [ContactField.AssignmentEmail]),
    ];

    public static Reply ReviewTransfer(FlowState state, Customer customer, CloudAccount account, TransferContact contact)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(contact);
        return new Reply(
        [
            new HeadingBlock("Check and submit the transfer of ownership"),
            AccountFacts(customer, account),
            new SectionBlock("New owner",
            [
                new FactsBlock(
                [
                    new ReplyFact(TransferContactValidator.Label(ContactField.CompanyName), contact.CompanyName),
                    new ReplyFact(TransferContactValidator.Label(ContactField.ContactName), contact.ContactName),
                    new ReplyFact(TransferContactValidator.Label(ContactField.ContactPhone), Texts.Phone(contact.ContactPhone)),
                    new ReplyFact("Address", $"{contact.StreetAddress}, {contact.City}, {contact.StateOrRegion} {contact.PostalCode}, {Texts.Country(contact.Country)}"),
                ]),
            ]),
            new SectionBlock("Billing contact",
            [
                new FactsBlock(
                [
                    new ReplyFact("Name", contact.BillingContactName),
                    new ReplyFact("Phone", Texts.Phone(contact.BillingContactPhone)),
                    new ReplyFact("Email", contact.BillingContactEmail),
                ]),
            ]),
            new SectionBlock("Account assignment",
            [
                new FactsBlock([new ReplyFact(TransferContactValidator.Label(ContactField.AssignmentEmail), contact.AssignmentEmail)]),
            ]),
            new ActionsBlock([Action(state, "Submit the request", ActionIds.SubmitTransferRequest, ReplyActionStyle.Primary), Action(state, "Edit", ActionIds.Back) with { SubmitsInputs = false }, CancelAction(state)]),
        ])
        { Summary = "Review the transfer of ownership" };
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
            new("Linked this month", BillingTexts.Period(impact)),
            new("Days", BillingTexts.Days(impact)),
            new("Share of the month", BillingTexts.Share(impact)),
        };
        if (monthToDate is { Count: > 0 })
        {
            // SES imports a monthly amount: what it holds so far, not a figure worked out for the linked days.
            facts.Add(new ReplyFact("Billed in SES this month so far", $"{BillingTexts.Amounts(monthToDate)}: the usage SES imported for {month} while the account was linked (not a share of it)"));
        }

        var warning = impact.LinkedDays == 0
            ? $"The account was not linked in {month}: if support removes it now there is nothing of {month} to invoice {customer.Name}."
            : $"Invoice {customer.Name} only for the days the account was linked: {BillingTexts.Days(impact)} days of {month} ({BillingTexts.Share(impact)}). " +
              "If support removes it on a later day, the days up to that day count.";
        return new Reply(
        [
            new HeadingBlock($"Remove {Texts.AccountLabel(account)} from the payer organization?"),
            new ParagraphBlock(RemovalOptionCatalog.Get(RemovalOption.AwsRemoveFromPayer).Description),
            AccountFacts(customer, account),
            new ParagraphBlock($"What you invoice the customer for {month} (if support removes it now)", Tone.Subtle),
            new FactsBlock(facts),
            new ParagraphBlock(BillingTexts.Basis, Tone.Subtle),
            new ParagraphBlock(warning, Tone.Warning),
            new ActionsBlock([Action(state, "Submit the removal", ActionIds.ConfirmRemoveFromPayer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = $"Confirm removing {account.ExternalId} from the payer organization" };
    }

    public static Reply UnlinkForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var language = UnlinkInstructions.Normalize(state.Field(DataKeys.Language));
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"Unlink instructions for {Texts.AccountLabel(account)}"),
            new ParagraphBlock(
                "The end customer can leave the distributor's organization themselves, with root access to the account. " +
                "When you submit, SesBot emails them the instructions in the language you choose; the request's status shows when the email has gone out. " +
                "These are the steps the email gives them:"),
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
        blocks.Add(new ActionsBlock([Action(state, "Email the instructions", ActionIds.SubmitUnlink, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = RemovalOptionCatalog.Get(RemovalOption.AwsSelfUnlink).RequestTitle };
    }

    public static Reply AzureTransferForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Reply(
        [
            new HeadingBlock($"Transfer {Texts.AccountLabel(account)} to another CSP"),
            new ParagraphBlock(
                "How it works: the customer first accepts a reseller relationship with the new CSP partner. The new partner then " +
                "requests the transfer in Partner Center, and SES support approves it on the distributor's side. Billing history stays in SES."),
            new ParagraphBlock("What you do: tell the customer to contact the new partner, and give support the partner's details if you know them.", Tone.Subtle),
            AccountFacts(customer, account),
            Input(state, FormFields.PartnerName, errors),
            Input(state, FormFields.PartnerTenantId, errors),
            new ActionsBlock([Action(state, "Submit to support", ActionIds.SubmitAzureTransfer, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = RemovalOptionCatalog.Get(RemovalOption.AzureTransferToCsp).Label };
    }

    public static Reply AzureSuspendForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Reply(
        [
            new HeadingBlock($"Suspend {Texts.AccountLabel(account)}"),
            new ParagraphBlock("SES support suspends the subscription through a support ticket. Its services stop; it stays in SES and can be reactivated."),
            AccountFacts(customer, account),
            Input(state, FormFields.Reason, errors),
            new ActionsBlock([Action(state, "Submit the ticket", ActionIds.SubmitAzureSuspend, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
        ])
        { Summary = RemovalOptionCatalog.Get(RemovalOption.AzureSuspend).Label };
    }

    public static Reply DeletedInErrorForm(FlowState state, Customer customer, CloudAccount account, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        return new Reply(
        [
            new HeadingBlock($"Report {Texts.AccountLabel(account)} as deleted in error"),
            new ParagraphBlock(
                $"This account was deleted from SES on {Texts.Instant(account.ClosedAt ?? account.LinkedAt)}. Opening an urgent ticket asks " +
                "SES support to restore it as soon as possible.", Tone.Warning),
            AccountFacts(customer, account),
            Input(state, FormFields.Note, errors),
            new ActionsBlock([Action(state, "Open the urgent ticket", ActionIds.SubmitDeletedInError, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]),
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
            new HeadingBlock($"Remove {customer.Name}?"),
            // The customer's accounts as on the account list: each once, with its badges.
            new ItemsBlock([.. customer.Accounts.Select(a => new ReplyItem($"{Texts.Provider(a.Provider)} {a.ExternalId} · {a.DisplayName}")
            {
                Badges = AccountBadges(a, null),
            })]),
        };
        if (!decision.IsAllowed)
        {
            blocks.Add(new ParagraphBlock($"{customer.Name} can't be removed: {decision.DenialReason}", Tone.Attention));
            blocks.AddRange(decision.Warnings.Skip(1).Select(w => new ParagraphBlock(w, Tone.Subtle)));
            blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
            return new Reply(blocks) { Summary = $"{customer.Name} can't be removed" };
        }

        blocks.AddRange(decision.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));
        var deleted = customer.Accounts.Where(a => a.State == AccountState.Active).ToList();
        if (deleted.Count > 0)
        {
            // Say exactly what goes, and what does not happen: nothing is closed at the cloud provider.
            blocks.Add(new ParagraphBlock(
                $"These accounts are deleted from SES with {customer.Name}: {string.Join(", ", deleted.Select(a => $"{Texts.Provider(a.Provider)} {a.ExternalId}"))}. " +
                "Nothing is closed or unlinked at the cloud provider: stop any charges there.", Tone.Attention));
        }

        blocks.Add(new ActionsBlock([Action(state, RemovalOptionCatalog.Get(RemovalOption.RemoveCustomer).Label, ActionIds.ConfirmRemoveCustomer, ReplyActionStyle.Destructive), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = $"Confirm removing {customer.Name}" };
    }
}
