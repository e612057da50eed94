using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Dialogs;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>Keeps each person's dialog in the database, keyed by channel, conversation and user.</summary>
public sealed class DialogStore(SesBotDbContext db, TimeProvider clock, IOptions<DialogOptions> options, ILogger<DialogStore> logger)
{
    public const string DialogName = "removal";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private DialogState? _row;

    public async Task<StoredFlow> LoadAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        _row = await db.DialogStates.FirstOrDefaultAsync(
            s => s.Channel == input.Channel && s.ConversationKey == input.ConversationKey && s.UserKey == input.UserKey, cancellationToken);
        if (_row is null || _row.Step.Length == 0)
        {
            return new StoredFlow(null, null);
        }

        if (clock.GetUtcNow() - _row.UpdatedAt > options.Value.Expiry)
        {
            return new StoredFlow(null,
                $"Our earlier conversation expired after {Describe(options.Value.Expiry)} without a reply, so I closed it. Nothing was submitted from it.");
        }

        try
        {
            var state = _row.SchemaVersion == FlowState.SchemaVersion ? JsonSerializer.Deserialize<FlowState>(_row.DataJson, Json) : null;
            if (state is not null && Enum.IsDefined(state.Step))
            {
                return new StoredFlow(state, null);
            }
        }
        catch (JsonException ex)
        {
            Log.DialogStateUnreadable(logger, ex, _row.Id);
        }

        return new StoredFlow(null, "I updated since we last spoke and lost track of where we were; nothing was submitted. Let's start again.");
    }

    public async Task SaveAsync(TurnInput input, FlowState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        if (_row is null)
        {
            if (state is null)
            {
                return;
            }

            _row = new DialogState(input.Channel, input.ConversationKey, input.UserKey, now);
            db.DialogStates.Add(_row);
        }
        else if (db.Entry(_row).State == EntityState.Detached)
        {
            // The turn cleared the change tracker (the workflow does after a failed insert): track the row again, as
            // loaded, so this save still updates it (and still checks its version).
            db.DialogStates.Attach(_row);
        }

        if (state is null)
        {
            _row.Save(DialogName, "none", FlowState.SchemaVersion, "{}", now);
            _row.Clear();
        }
        else
        {
            _row.Save(DialogName, state.Step.ToString(), FlowState.SchemaVersion, JsonSerializer.Serialize(state, Json), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another turn of the same person (a double click, two quick messages) saved first: its state stands, and
            // a card this turn showed is simply outdated. Anything else is a real failure.
            db.Entry(_row).State = EntityState.Detached;
            var savedMeanwhile = ex is DbUpdateConcurrencyException || await db.DialogStates.AsNoTracking().AnyAsync(
                s => s.Channel == input.Channel && s.ConversationKey == input.ConversationKey && s.UserKey == input.UserKey, cancellationToken);
            if (!savedMeanwhile)
            {
                throw;
            }

            Log.DialogStateConflict(logger, _row.Id);
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
