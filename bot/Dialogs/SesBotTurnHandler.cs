using SesBot.Bot.Audit;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// The front door of every turn: who is talking, then the command, the request action or the dialog the input
/// belongs to. The dialog in progress is loaded and saved here, once per turn.
/// </summary>
public sealed class SesBotTurnHandler(
    UserDirectory users,
    DialogStore store,
    DialogRouter dialogs,
    RemovalDialog removal,
    ResellerCatalog catalog,
    RemovalRequestService requests,
    SupportDesk support,
    SupportActions supportActions,
    AuditCommands audit,
    RequestEmailRetry emailRetry,
    CloudDesk cloud) : ITurnHandler
{
    public const int RecentRequests = 20;

    private static readonly Strings S = Strings.For(typeof(SesBotTurnHandler));

    public async Task<TurnResult> HandleAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await users.FindAsync(input, cancellationToken);
        if (actor is null)
        {
            return TurnResult.Complete(HelpReplies.NotLinked());
        }

        support.Attend(input);
        var stored = await store.LoadAsync(input, cancellationToken);
        var outcome = input.IsAction
            ? await OnActionAsync(input, stored.State, actor, cancellationToken)
            : await OnTextAsync(input, stored.State, actor, cancellationToken);
        store.Save(input, outcome.State);

        return stored.Note is null
            ? outcome.Result
            : outcome.Result with { Replies = [Reply.Text(stored.Note), .. outcome.Result.Replies] };
    }

    public Task<TurnResult> WelcomeAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(TurnResult.Complete(HelpReplies.Welcome(input.Scope)));
    }

    /// <summary>Typeahead for a card's choice input (Teams <c>application/search</c>): the person's customers matching the text.</summary>
    public async Task<IReadOnlyList<ReplyChoice>> SearchAsync(TurnInput input, string dataset, string? text, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await users.FindAsync(input, cancellationToken);
        if (actor is null || dataset != RemovalCards.CustomersDataset)
        {
            return [];
        }

        var page = await catalog.SearchCustomersAsync(actor, text, skip, Math.Clamp(take, 1, 50), cancellationToken);
        return [.. page.Customers.Select(c => new ReplyChoice(c.Name, c.Id))];
    }

    private async Task<FlowOutcome> OnTextAsync(TurnInput input, IDialogState? state, Actor actor, CancellationToken cancellationToken)
    {
        var command = CommandParser.Parse(input.Text);
        switch (command.Kind)
        {
            case CommandKind.RemoveAccount:
                return await removal.StartAsync(FlowKind.RemoveAccount, actor, cancellationToken);
            case CommandKind.RemoveCustomer:
                return await removal.StartAsync(FlowKind.RemoveCustomer, actor, cancellationToken);
            case CommandKind.MyRequests:
                return Keep(state, RequestCards.List(await catalog.RecentRequestsAsync(actor, RecentRequests, cancellationToken)));
            case CommandKind.Status when command.Argument is { } requestId:
                return Keep(state, await StatusAsync(actor, requestId, cancellationToken));
            case CommandKind.Status:
                return Keep(state, Reply.Text(S["Status.WhichRequest"]));
            case CommandKind.Help:
                return Keep(state, HelpReplies.Help());
            case CommandKind.UseSupportChannel:
                return Keep(state, await support.UseThisChannelAsync(input, actor, cancellationToken));
            case CommandKind.ShowSupportChannel:
                return Keep(state, await support.ShowChannelAsync(actor, cancellationToken));
            case CommandKind.Queue:
                return Keep(state, await support.QueueAsync(input, actor, command.Argument == CommandParser.Mine, cancellationToken));
            case CommandKind.History:
                return Keep(state, await audit.HistoryAsync(actor, command.Argument, cancellationToken));
            case CommandKind.ExportAudit:
                return Keep(state, await audit.ExportAsync(actor, command.Argument, cancellationToken));
            case CommandKind.Cancel:
                return state is null
                    ? FlowOutcome.End(Reply.Text(S["Cancel.NothingInProgress"]))
                    : FlowOutcome.Cancel(RemovalCards.Stopped());
            case CommandKind.None when state is null && !string.IsNullOrWhiteSpace(input.Text)
                && await supportActions.AnswerAsync(null, actor, input.Text, cancellationToken) is { } answered:
                // Support asked this person something: their next typed message (outside a dialog) is the answer.
                return FlowOutcome.End(answered);
            default:
                return state is null || string.IsNullOrWhiteSpace(input.Text)
                    ? FlowOutcome.End(HelpReplies.NotUnderstood())
                    : await dialogs.For(state).OnTextAsync(state, input.Text, actor, cancellationToken);
        }
    }

    private async Task<FlowOutcome> OnActionAsync(TurnInput input, IDialogState? state, Actor actor, CancellationToken cancellationToken)
    {
        switch (input.Verb)
        {
            case ActionIds.Help:
                return Keep(state, HelpReplies.Help());
            case ActionIds.StartRemoveAccount:
                return await removal.StartAsync(FlowKind.RemoveAccount, actor, cancellationToken);
            case ActionIds.StartRemoveCustomer:
                return await removal.StartAsync(FlowKind.RemoveCustomer, actor, cancellationToken);
            case ActionIds.ShowMyRequests:
                return Keep(state, RequestCards.List(await catalog.RecentRequestsAsync(actor, RecentRequests, cancellationToken)));
            case ActionIds.RefreshStatus:
                return Keep(state, await StatusAsync(actor, input.Value(DataKeys.RequestId) ?? string.Empty, cancellationToken));
            case ActionIds.CancelRequest:
                return Keep(state, await ConfirmCancelAsync(input, actor, cancellationToken));
            case ActionIds.ConfirmCancelRequest:
                return Keep(state, await CancelRequestAsync(input, actor, cancellationToken));
            case ActionIds.AnswerSupport:
                return Keep(state, await supportActions.AnswerAsync(input.Value(DataKeys.RequestId) ?? string.Empty, actor, input.Value(SupportFields.Answer), cancellationToken)
                    ?? RequestCards.NotFound(input.Value(DataKeys.RequestId) ?? string.Empty));
            case var verb when SupportActions.Handles(verb):
                return Keep(state, await supportActions.ActAsync(input, actor, cancellationToken));
            case ActionIds.RetryEmail:
                return Keep(state, await emailRetry.RetryAsync(input, actor, cancellationToken));
            case ActionIds.CheckCloudAccount:
                return Keep(state, await cloud.CheckAsync(input, actor, cancellationToken));
            case ActionIds.ExecuteCloudChange:
                return Keep(state, await cloud.ExecuteAsync(input, actor, cancellationToken));
            case ActionIds.ReleaseCloudExecution:
                return Keep(state, await cloud.ReleaseAsync(input, actor, cancellationToken));
            case ActionIds.SaveAzureTenant:
                return Keep(state, await cloud.SaveAzureTenantAsync(input, actor, cancellationToken));
        }

        // A dialog button: it must come from the dialog in progress, at the step it is at.
        if (state is null || input.Value(DataKeys.Flow) != state.FlowId)
        {
            return Keep(state, state is null
                ? Reply.Card(S["Outdated.Summary"], new ParagraphBlock(S["Outdated.Ended"], Tone.Attention), HelpReplies.Menu())
                : RemovalCards.Outdated(await dialogs.For(state).RenderAsync(state, actor, cancellationToken)));
        }

        var dialog = dialogs.For(state);
        if (input.Value(DataKeys.Step) != state.StepName)
        {
            return FlowOutcome.Wait(state, RemovalCards.Outdated(await dialog.RenderAsync(state, actor, cancellationToken)));
        }

        return await dialog.OnActionAsync(state, input, actor, cancellationToken);
    }

    private async Task<Reply> StatusAsync(Actor actor, string requestId, CancellationToken cancellationToken)
    {
        var details = await catalog.FindRequestAsync(actor, requestId.Trim().ToUpperInvariant(), cancellationToken);
        return details is null ? RequestCards.NotFound(requestId) : RequestCards.Status(details);
    }

    /// <summary>"Cancel this request": asks first, while the workflow still allows it; otherwise the card as it is now.</summary>
    private async Task<Reply> ConfirmCancelAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        var details = await catalog.FindRequestAsync(actor, requestId, cancellationToken);
        if (details is null)
        {
            return RequestCards.NotFound(requestId);
        }

        return details.Request.AvailableTriggers().Contains(RequestTrigger.Cancel)
            ? RequestCards.ConfirmCancel(details)
            : await CancelRequestAsync(input, actor, cancellationToken); // says why not, or that it already is
    }

    private async Task<Reply> CancelRequestAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        int? version = int.TryParse(input.Value(DataKeys.Version), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        var result = await requests.ApplyAsync(new ApplyRequestTrigger(requestId, RequestTrigger.Cancel, actor, version, "Cancelled by the requester."), cancellationToken);
        var details = result.Details ?? await catalog.FindRequestAsync(actor, requestId, cancellationToken);
        if (details is null)
        {
            return RequestCards.NotFound(requestId);
        }

        var status = RequestCards.Status(details);
        return result.Succeeded
            ? status with { Blocks = [new ParagraphBlock(S.Format("CancelRequest.Done", requestId), Tone.Good), .. status.Blocks] }
            : details.Request.Status == RequestStatus.Cancelled
                ? status with { Blocks = [new ParagraphBlock(S.Format("CancelRequest.Already", requestId), Tone.Good), .. status.Blocks] }
                : status with { Blocks = [new ParagraphBlock(S.Format("CancelRequest.Refused", result.Message), Tone.Attention), .. status.Blocks] };
    }

    /// <summary>A reply that leaves the dialog in progress (if any) where it is.</summary>
    private static FlowOutcome Keep(IDialogState? state, Reply reply) =>
        state is null ? FlowOutcome.End(reply) : FlowOutcome.Wait(state, reply);
}
