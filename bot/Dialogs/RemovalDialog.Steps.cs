using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Dialogs;

/// <summary>What each step does with the person's answer.</summary>
public sealed partial class RemovalDialog
{
    private async Task<FlowOutcome> SearchAsync(FlowState state, string? text, Actor actor, CancellationToken cancellationToken)
    {
        if (text?.Length > FieldLimits.SearchText)
        {
            Log.OverlongInput(logger, DataKeys.Search, state.Step.ToString(), text.Length, FieldLimits.SearchText);
            // Refused, not cut: the search so far stays, and the long text is neither kept nor shown.
            var message = FieldLimits.TooLong(Messages["Search.Name"], FieldLimits.SearchText);
            var current = await catalog.SearchCustomersAsync(actor, state.SearchText, 0, options.Value.CustomerPageSize, cancellationToken);
            return FlowOutcome.Wait(state, RemovalCards.CustomerPicker(state, current, searchError: message));
        }

        var searched = state with { SearchText = string.IsNullOrWhiteSpace(text) ? null : text.Trim() };
        return FlowOutcome.Wait(searched, await RenderAsync(searched, actor, cancellationToken));
    }

    private async Task<FlowOutcome> SelectCustomerAsync(FlowState state, string? customerId, Actor actor, CancellationToken cancellationToken)
    {
        var customer = string.IsNullOrEmpty(customerId) ? null : await catalog.FindCustomerAsync(actor, customerId, cancellationToken);
        if (customer is null || customer.IsRemoved)
        {
            var page = await catalog.SearchCustomersAsync(actor, state.SearchText, 0, options.Value.CustomerPageSize, cancellationToken);
            var error = Messages[string.IsNullOrEmpty(customerId) ? "Customer.Missing" : "Customer.NotYours"];
            return FlowOutcome.Wait(state, RemovalCards.CustomerPicker(state, page, error));
        }

        var next = state with
        {
            CustomerId = customer.Id,
            Step = state.Kind == FlowKind.RemoveCustomer ? FlowStep.ConfirmRemoveCustomer : FlowStep.SelectAccount,
        };
        return FlowOutcome.Wait(next, next.Step == FlowStep.SelectAccount
            ? await AccountPickerAsync(next, customer, actor, null, cancellationToken) // the customer this turn loaded, with its accounts
            : await RenderAsync(next, actor, cancellationToken));
    }

    /// <summary>The account list, with the open request of each account as a badge.</summary>
    private async Task<Reply> AccountPickerAsync(FlowState state, Customer customer, Actor actor, string? error, CancellationToken cancellationToken) =>
        RemovalCards.AccountPicker(state, customer, await catalog.OpenRequestsByAccountAsync(actor, customer.Id, cancellationToken), error);

    private async Task<FlowOutcome> SelectAccountAsync(FlowState state, string? accountId, Actor actor, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrEmpty(accountId) ? null : await requests.GetAccountOptionsAsync(actor, accountId, cancellationToken);
        if (found is null || found.Customer.Id != state.CustomerId)
        {
            var customer = await catalog.FindCustomerAsync(actor, state.CustomerId ?? string.Empty, cancellationToken);
            if (customer is null)
            {
                return FlowOutcome.End(Gone());
            }

            var error = Messages[string.IsNullOrEmpty(accountId) ? "Account.Missing" : "Account.NotTheCustomers"];
            return FlowOutcome.Wait(state, await AccountPickerAsync(state, customer, actor, error, cancellationToken));
        }

        var next = state with { AccountId = found.Account.Id, Step = FlowStep.ChooseOption, Option = null };
        return FlowOutcome.Wait(next, RemovalCards.Options(next, found));
    }

    private async Task<FlowOutcome> ChooseOptionAsync(FlowState state, string? optionText, Actor actor, CancellationToken cancellationToken)
    {
        var found = await requests.GetAccountOptionsAsync(actor, state.AccountId ?? string.Empty, cancellationToken);
        if (found is null)
        {
            return FlowOutcome.End(Gone());
        }

        var choice = Enum.TryParse<RemovalOption>(optionText, ignoreCase: false, out var option) ? found.Decision.For(option) : null;
        if (choice is null || !choice.IsAllowed)
        {
            // The policy is asked again: billing data or another request may have appeared since the card was sent.
            var why = choice?.DenialReason ?? Messages["Option.NotAvailable"];
            return FlowOutcome.Wait(state, Reply.Text(why), RemovalCards.Options(state, found));
        }

        var next = state with
        {
            Option = option,
            Step = OptionSteps.FormStep(option),
        };
        return FlowOutcome.Wait(next, RenderAccountStep(next, found));
    }

    private async Task<FlowOutcome> ReviewContactAsync(FlowState state, TurnInput typed, Actor actor, CancellationToken cancellationToken)
    {
        var draft = state.Contact ?? new TransferContactDraft();
        var tooLong = new Dictionary<ContactField, string>();
        foreach (var input in FormFields.TransferContact)
        {
            var field = input.Contact!.Value;
            var value = typed.Value(input.Id);
            if (input.IsTooLong(value))
            {
                Log.OverlongInput(logger, input.Id, state.Step.ToString(), value!.Length, input.MaxLength);
                // Not kept and not shown again: the person types it anew.
                tooLong[field] = input.TooLongMessage;
                value = null;
            }

            draft = draft.With(field, value);
        }

        var next = state with { Contact = draft };
        var found = await requests.GetAccountOptionsAsync(actor, state.AccountId ?? string.Empty, cancellationToken);
        if (found is null)
        {
            return FlowOutcome.End(Gone());
        }

        if (tooLong.Count > 0)
        {
            return FlowOutcome.Wait(next, RemovalCards.TransferContactForm(next, found.Account, tooLong));
        }

        var validation = TransferContactValidator.Validate(draft);
        if (!validation.IsValid)
        {
            return FlowOutcome.Wait(next, RemovalCards.TransferContactForm(next, found.Account, validation.Errors));
        }

        var review = next with { Step = FlowStep.ReviewTransfer };
        return FlowOutcome.Wait(review, RemovalCards.ReviewTransfer(review, found.Customer, found.Account, validation.Contact!));
    }

    /// <summary>Hands the choice to the core workflow and shows what came of it.</summary>
    private async Task<FlowOutcome> SubmitAsync(FlowState state, Actor actor, CancellationToken cancellationToken)
    {
        var option = state.Kind == FlowKind.RemoveCustomer ? RemovalOption.RemoveCustomer : state.Option ?? RemovalOption.DeleteFromPlatform;
        var info = RemovalOptionCatalog.Get(option);

        // Only what this option's form asks for goes to the workflow (not what another option's form kept).
        string? Form(FormField field) => info.Field(field.Id) is null ? null : state.Field(field.Id);
        var command = new SubmitRemovalRequest(
            IdempotencyKey: $"{state.FlowId}:{option}",
            Requester: actor,
            Option: option,
            SubjectId: info.IsAboutCustomer ? state.CustomerId ?? string.Empty : state.AccountId ?? string.Empty,
            ConfirmationText: Form(FormFields.Confirmation),
            Contact: state.Contact,
            Reason: Form(FormFields.Reason) ?? Form(FormFields.Note),
            TargetPartnerName: Form(FormFields.PartnerName),
            TargetPartnerTenantId: Form(FormFields.PartnerTenantId),
            EndCustomerEmail: Form(FormFields.EndCustomerEmail),
            EndCustomerLanguage: info.Field(FormFields.LanguageId) is null ? null : UnlinkInstructions.Normalize(state.Field(DataKeys.Language)));
        var result = await requests.SubmitAsync(command, cancellationToken);

        switch (result.Kind)
        {
            case OutcomeKind.Ok:
                // A new request comes with its details as this turn made them; its support card is queued in this turn.
                var made = result.Details!;
                return FlowOutcome.End(RequestCards.Submitted(made, await support.AnnounceAsync(made, cancellationToken)));
            case OutcomeKind.Duplicate:
                // Committed (and announced) by an earlier turn.
                var details = await catalog.FindRequestAsync(actor, result.Request!.Id, cancellationToken);
                return FlowOutcome.End(RequestCards.Submitted(details!));
            case OutcomeKind.Invalid:
                var shown = state.Step == FlowStep.ReviewTransfer ? state with { Step = FlowStep.TransferContact } : state;
                return FlowOutcome.Wait(shown, await RenderInvalidAsync(shown, result, actor, cancellationToken));
            case OutcomeKind.NotFound:
                return FlowOutcome.End(Gone());
            default:
                // Denied or Conflict: the situation changed since the card was shown; show the options as they are now.
                var back = state with { Step = state.Kind == FlowKind.RemoveCustomer ? FlowStep.ConfirmRemoveCustomer : FlowStep.ChooseOption };
                return FlowOutcome.Wait(back, Reply.Text(Messages.Format("NotSubmitted", result.Message)), await RenderAsync(back, actor, cancellationToken));
        }
    }

    /// <summary>
    /// The card again after the workflow refused the input: its message under the field it is about, or on top of the
    /// card when it is about no field of the form.
    /// </summary>
    private async Task<Reply> RenderInvalidAsync(FlowState state, WorkflowResult result, Actor actor, CancellationToken cancellationToken)
    {
        var message = result.Message ?? Messages["Failed"];
        if (state.Step == FlowStep.TransferContact && result.FieldErrors is not null)
        {
            var found = await requests.GetAccountOptionsAsync(actor, state.AccountId ?? string.Empty, cancellationToken);
            return found is null ? Reply.Text(message) : RemovalCards.TransferContactForm(state, found.Account, result.FieldErrors);
        }

        var onForm = result.Field is { } id && OptionSteps.OptionAt(state.Step) is { } option && RemovalOptionCatalog.Get(option).Field(id) is not null;
        return onForm
            ? await RenderFormAsync(state, new Dictionary<string, string>(StringComparer.Ordinal) { [result.Field!] = message }, null, actor, cancellationToken)
            : await WithMessageAsync(state, message, actor, cancellationToken);
    }

    /// <summary>The current card with the message on top, for a step whose card has no place for an error.</summary>
    private async Task<Reply> WithMessageAsync(FlowState state, string message, Actor actor, CancellationToken cancellationToken)
    {
        return WithParagraph(await RenderAsync(state, actor, cancellationToken), message);
    }
}
