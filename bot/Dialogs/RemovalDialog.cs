using Microsoft.Extensions.Options;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// The guided removal: customer, account, the policy's options, and each option's path to a submitted request
/// (or, for "remove customer", customer and confirmation). Channel-neutral; every id a card sends back is checked
/// again against what the person may see.
/// </summary>
public sealed partial class RemovalDialog(
    ResellerCatalog catalog, RemovalRequestService requests, SupportDesk support, IOptions<DialogOptions> options, ILogger<RemovalDialog> logger)
{
    /// <summary>The dialog's own messages (resources: Resources/Dialogs/RemovalDialog.resx).</summary>
    private static readonly Strings Messages = Strings.For(typeof(RemovalDialog));

    public async Task<FlowOutcome> StartAsync(FlowKind kind, Actor actor, CancellationToken cancellationToken)
    {
        var state = new FlowState { FlowId = Guid.NewGuid().ToString("N"), Kind = kind, Step = FlowStep.SelectCustomer };
        return FlowOutcome.Wait(state, await RenderAsync(state, actor, cancellationToken));
    }

    /// <summary>A card action that belongs to this dialog (the router checked flow id and step).</summary>
    public async Task<FlowOutcome> OnActionAsync(FlowState state, TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Verb == ActionIds.Cancel)
        {
            return FlowOutcome.Cancel(RemovalCards.Stopped());
        }

        if (input.Verb == ActionIds.Back)
        {
            var previous = state with { Step = PreviousStep(state) };
            return FlowOutcome.Wait(previous, await RenderAsync(previous, actor, cancellationToken));
        }

        return (state.Step, input.Verb) switch
        {
            (FlowStep.SelectCustomer, ActionIds.SearchCustomers) => await SearchAsync(state, input.Value(DataKeys.Search), actor, cancellationToken),
            (FlowStep.SelectCustomer, ActionIds.SelectCustomer) => await SelectCustomerAsync(state, input.Value(DataKeys.CustomerId), actor, cancellationToken),
            (FlowStep.SelectAccount, ActionIds.SelectAccount) => await SelectAccountAsync(state, input.Value(DataKeys.AccountId), actor, cancellationToken),
            (FlowStep.ChooseOption, ActionIds.ChooseOption) => await ChooseOptionAsync(state, input.Value(DataKeys.Option), actor, cancellationToken),
            (FlowStep.ConfirmDelete, ActionIds.ConfirmDelete) => await ConfirmDeleteAsync(state, input.Value(DataKeys.Confirmation), actor, cancellationToken),
            (FlowStep.TransferContact or FlowStep.ReviewTransfer, ActionIds.ReviewTransferContact) => await ReviewContactAsync(state, input, actor, cancellationToken),
            (FlowStep.ReviewTransfer, ActionIds.SubmitTransferRequest) => await SubmitAsync(state, actor, cancellationToken),
            (FlowStep.ConfirmRemoveFromPayer, ActionIds.ConfirmRemoveFromPayer) => await SubmitAsync(state, actor, cancellationToken),
            (FlowStep.ConfirmEndBillingTransfer, ActionIds.ConfirmEndBillingTransfer) => await SubmitAsync(state, actor, cancellationToken),
            (FlowStep.UnlinkDetails, ActionIds.SubmitUnlink)
                or (FlowStep.AzureTransferDetails, ActionIds.SubmitAzureTransfer)
                or (FlowStep.AzureSuspendDetails, ActionIds.SubmitAzureSuspend)
                or (FlowStep.DeletedInErrorDetails, ActionIds.SubmitDeletedInError) => await SubmitFormAsync(state, input, actor, cancellationToken),
            (FlowStep.ConfirmRemoveCustomer, ActionIds.ConfirmRemoveCustomer) => await SubmitAsync(state, actor, cancellationToken),
            (_, ActionIds.ChooseOption) when state.AccountId is not null => await ChooseOptionAsync(state, input.Value(DataKeys.Option), actor, cancellationToken),
            _ => FlowOutcome.Wait(state, RemovalCards.Outdated(await RenderAsync(state, actor, cancellationToken))),
        };
    }

    /// <summary>Typed text while the dialog waits: a search on the customer step, the typed confirmation on the delete step, else a nudge.</summary>
    public async Task<FlowOutcome> OnTextAsync(FlowState state, string text, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Step switch
        {
            FlowStep.SelectCustomer => await SearchAsync(state, text, actor, cancellationToken),
            FlowStep.ConfirmDelete => await ConfirmDeleteAsync(state, text, actor, cancellationToken),
            _ => FlowOutcome.Wait(state, RemovalCards.WaitingNote(state), await RenderAsync(state, actor, cancellationToken)),
        };
    }

    /// <summary>The card for where the dialog stands now.</summary>
    public async Task<Reply> RenderAsync(FlowState state, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        switch (state.Step)
        {
            case FlowStep.SelectCustomer:
                var page = await catalog.SearchCustomersAsync(actor, state.SearchText, 0, options.Value.CustomerPageSize, cancellationToken);
                return RemovalCards.CustomerPicker(state, page);
            case FlowStep.SelectAccount:
                var customer = await catalog.FindCustomerAsync(actor, state.CustomerId ?? string.Empty, cancellationToken);
                return customer is null ? Gone() : await AccountPickerAsync(state, customer, actor, null, cancellationToken);
            case FlowStep.ConfirmRemoveCustomer:
                var removal = await requests.GetCustomerRemovalAsync(actor, state.CustomerId ?? string.Empty, cancellationToken);
                return removal is { } r ? RemovalCards.ConfirmRemoveCustomer(state, r.Customer, r.Decision) : Gone();
            default:
                var account = await requests.GetAccountOptionsAsync(actor, state.AccountId ?? string.Empty, cancellationToken);
                return account is null ? Gone() : RenderAccountStep(state, account);
        }
    }

    /// <summary>The card of a step about one account, from the account's options as the turn already holds them.</summary>
    private static Reply RenderAccountStep(FlowState state, AccountOptions account) => state.Step switch
    {
        FlowStep.ConfirmDelete => RemovalCards.ConfirmDelete(state, account.Customer, account.Account),
        FlowStep.TransferContact => RemovalCards.TransferContactForm(state, account.Account),
        FlowStep.ReviewTransfer when TransferContactValidator.Validate(state.Contact ?? new()).Contact is { } contact =>
            RemovalCards.ReviewTransfer(state, account.Customer, account.Account, contact),
        FlowStep.ReviewTransfer => RemovalCards.TransferContactForm(state, account.Account),
        FlowStep.ConfirmRemoveFromPayer when account.RemoveFromPayerImpact is { } impact =>
            RemovalCards.ConfirmRemoveFromPayer(state, account.Customer, account.Account, impact, account.MonthToDate),
        FlowStep.ConfirmEndBillingTransfer when account.EndTransferImpact is { } transferEnd =>
            RemovalCards.ConfirmEndBillingTransfer(state, account.Customer, account.Account, transferEnd, account.MonthToDate, account.TransferAccounts),
        FlowStep.UnlinkDetails => RemovalCards.UnlinkForm(state, account.Customer, account.Account),
        FlowStep.AzureTransferDetails => RemovalCards.AzureTransferForm(state, account.Customer, account.Account),
        FlowStep.AzureSuspendDetails => RemovalCards.AzureSuspendForm(state, account.Customer, account.Account),
        FlowStep.DeletedInErrorDetails => RemovalCards.DeletedInErrorForm(state, account.Customer, account.Account),
        // A step that can't be shown any more (the option was denied meanwhile) shows the options as they are now.
        // The buttons carry the step the dialog is really at, so they are not taken for an outdated card.
        _ => RemovalCards.Options(state, account),
    };

    private static FlowStep PreviousStep(FlowState state) => state.Step switch
    {
        FlowStep.SelectAccount or FlowStep.ConfirmRemoveCustomer => FlowStep.SelectCustomer,
        FlowStep.ChooseOption => FlowStep.SelectAccount,
        FlowStep.ReviewTransfer => FlowStep.TransferContact,
        FlowStep.SelectCustomer => FlowStep.SelectCustomer,
        _ => FlowStep.ChooseOption,
    };

    private static Reply Gone() => Reply.Text(Messages["Gone"]);
}
