using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Typed values enter the dialog here, and only within their limits: a card's own limits are not trusted (a forged or
/// replayed card can send anything), so an over-long value is refused before it is kept or shown, and the form comes
/// back with everything else the person entered.
/// </summary>
public sealed partial class RemovalDialog
{
    /// <summary>The step's form values from a card action: submitted when all fit, else the form again with the errors.</summary>
    private async Task<FlowOutcome> SubmitFormAsync(FlowState state, TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        var fields = OptionSteps.OptionAt(state.Step) is { } option ? RemovalOptionCatalog.Get(option).Fields : [];
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            var value = input.Value(field.Id) ?? string.Empty;
            if (field.IsTooLong(value))
            {
                Log.OverlongInput(logger, field.Id, state.Step.ToString(), value.Length, field.MaxLength);
                errors[field.Id] = field.TooLongMessage;
                value = string.Empty;
            }

            kept.Add(new(field.Id, value));
        }

        var next = state.WithFields(kept);
        return errors.Count == 0
            ? await SubmitAsync(next, actor, cancellationToken)
            : FlowOutcome.Wait(next, await RenderFormAsync(next, errors, TooLong(errors.Values), actor, cancellationToken));
    }

    /// <summary>The account id typed back (from the card or as a message) to confirm a deletion.</summary>
    private async Task<FlowOutcome> ConfirmDeleteAsync(FlowState state, string? typed, Actor actor, CancellationToken cancellationToken)
    {
        var field = FormFields.Confirmation;
        if (field.IsTooLong(typed))
        {
            Log.OverlongInput(logger, field.Id, state.Step.ToString(), typed!.Length, field.MaxLength);
            var next = state.WithFields([new(field.Id, string.Empty)]);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [field.Id] = field.TooLongMessage };
            return FlowOutcome.Wait(next, await RenderFormAsync(next, errors, TooLong(errors.Values), actor, cancellationToken));
        }

        return await SubmitAsync(state.WithFields([new(field.Id, typed?.Trim() ?? string.Empty)]), actor, cancellationToken);
    }

    /// <summary>The step's form with errors under its fields (by field id) and, when given, a message on top.</summary>
    private async Task<Reply> RenderFormAsync(
        FlowState state, IReadOnlyDictionary<string, string> errors, string? message, Actor actor, CancellationToken cancellationToken)
    {
        var found = await requests.GetAccountOptionsAsync(actor, state.AccountId ?? string.Empty, cancellationToken);
        if (found is null)
        {
            return Gone();
        }

        var form = state.Step switch
        {
            FlowStep.ConfirmDelete => RemovalCards.ConfirmDelete(state, found.Customer, found.Account, errors),
            FlowStep.UnlinkDetails => RemovalCards.UnlinkForm(state, found.Customer, found.Account, errors),
            FlowStep.AzureTransferDetails => RemovalCards.AzureTransferForm(state, found.Customer, found.Account, errors),
            FlowStep.AzureSuspendDetails => RemovalCards.AzureSuspendForm(state, found.Customer, found.Account, errors),
            FlowStep.DeletedInErrorDetails => RemovalCards.DeletedInErrorForm(state, found.Customer, found.Account, errors),
            _ => await RenderAsync(state, actor, cancellationToken),
        };
        return message is null ? form : WithParagraph(form, message);
    }

    private static Reply WithParagraph(Reply reply, string message) =>
        reply with { Blocks = [new ParagraphBlock(message, Tone.Attention), .. reply.Blocks] };

    private static string TooLong(IEnumerable<string> messages) =>
        Messages.Format("TooLong", string.Join(" ", messages));
}
