using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Core.Dialogs;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Keeps each person's dialog in the database, keyed by channel, conversation and user, under the name of the dialog
/// it belongs to. Saving only changes the tracked row: the turn's one commit writes it (and its version check makes
/// a concurrent turn of the same person run again on what this one saved).
/// </summary>
public sealed class DialogStore(
    SesBotDbContext db,
    DialogRouter dialogs,
    DialogStateCache cache,
    TurnTransaction transaction,
    TimeProvider clock,
    IOptions<DialogOptions> options,
    ILogger<DialogStore> logger)
{
    private static readonly Strings Messages = Strings.For(typeof(DialogStore));

    private DialogState? _row;

    public async Task<StoredDialog> LoadAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        _row = cache.Take(input.Channel, input.ConversationKey, input.UserKey);
        if (_row is not null)
        {
            db.AttachUntracked(_row); // only this turn changes it and nothing else of the turn reads it
        }
        else
        {
            _row = await db.DialogStates.FirstOrDefaultAsync(
                s => s.Channel == input.Channel && s.ConversationKey == input.ConversationKey && s.UserKey == input.UserKey, cancellationToken);
        }

        if (_row is { } loaded)
        {
            transaction.OnCommitted(() => cache.Put(loaded));
        }

        if (_row is null || _row.Step.Length == 0)
        {
            return new StoredDialog(null, null);
        }

        if (clock.GetUtcNow() - _row.UpdatedAt > options.Value.Expiry)
        {
            return new StoredDialog(null,
                Messages.Format("Expired", Describe(options.Value.Expiry)));
        }

        var dialog = dialogs.Find(_row.DialogName);
        if (dialog is not null && _row.SchemaVersion == dialog.SchemaVersion && dialog.Read(_row.DataJson) is { } state)
        {
            return new StoredDialog(state, null);
        }

        Log.DialogStateUnreadable(logger, null, _row.Id);
        return new StoredDialog(null, Messages["Unreadable"]);
    }

    /// <summary>Records the state the turn ends with (none: the row is kept, emptied, for the person's next dialog).</summary>
    public void Save(TurnInput input, IDialogState? state)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        if (_row is null)
        {
            if (state is null)
            {
                return;
            }

            var created = new DialogState(input.Channel, input.ConversationKey, input.UserKey, now);
            db.DialogStates.Add(created);
            transaction.OnCommitted(() => cache.Put(created));
            _row = created;
        }

        if (state is null)
        {
            if (_row.Step.Length > 0)
            {
                _row.Save(_row.DialogName.Length == 0 ? "none" : _row.DialogName, "none", _row.SchemaVersion, "{}", now);
                _row.Clear();
            }
        }
        else
        {
            var dialog = dialogs.For(state);
            _row.Save(dialog.Name, state.StepName, dialog.SchemaVersion, dialog.Write(state), now);
        }
    }

    private static string Describe(TimeSpan span) => span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0
        ? Messages.Plural("Hours", (long)span.TotalHours)
        : Messages.Plural("Minutes", (long)Math.Round(span.TotalMinutes));
}
