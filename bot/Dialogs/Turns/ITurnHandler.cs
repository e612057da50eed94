namespace SesBot.Bot.Dialogs.Turns;

/// <summary>Handles one turn, whatever the channel. Never calls a channel client: it returns replies.</summary>
public interface ITurnHandler
{
    Task<TurnResult> HandleAsync(TurnInput input, CancellationToken cancellationToken);

    /// <summary>What to say when SesBot is added to a conversation (input has no text).</summary>
    Task<TurnResult> WelcomeAsync(TurnInput input, CancellationToken cancellationToken);

    /// <summary>Server-side typeahead for a choice input bound to a search dataset.</summary>
    Task<IReadOnlyList<ReplyChoice>> SearchAsync(TurnInput input, string dataset, string? text, int skip, int take, CancellationToken cancellationToken);
}
