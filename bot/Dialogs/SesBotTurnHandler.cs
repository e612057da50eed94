using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Dialogs;

/// <summary>The front door of every turn: who is talking, which command or dialog the input belongs to.</summary>
public sealed class SesBotTurnHandler(UserDirectory users) : ITurnHandler
{
    public async Task<TurnResult> HandleAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await users.FindAsync(input.Channel, input.TenantKey, input.UserKey, cancellationToken);
        if (actor is null)
        {
            return TurnResult.Complete(HelpReplies.NotLinked());
        }

        if (input.Verb == ActionIds.Help)
        {
            return TurnResult.Complete(HelpReplies.Help());
        }

        return CommandParser.Parse(input.Text).Kind switch
        {
            CommandKind.Help => TurnResult.Complete(HelpReplies.Help()),
            _ => TurnResult.Complete(HelpReplies.NotUnderstood()),
        };
    }

    public Task<TurnResult> WelcomeAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(TurnResult.Complete(HelpReplies.Welcome(input.Scope)));
    }
}
