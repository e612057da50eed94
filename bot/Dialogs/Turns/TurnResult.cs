namespace SesBot.Bot.Dialogs.Turns;

/// <summary>What a turn produced: the dialog's status and the replies for the channel to render and send.</summary>
public sealed record TurnResult(TurnStatus Status, IReadOnlyList<Reply> Replies)
{
    public static TurnResult Complete(params Reply[] replies) => new(TurnStatus.Complete, replies);

    public static TurnResult Waiting(params Reply[] replies) => new(TurnStatus.Waiting, replies);

    public static TurnResult Cancelled(params Reply[] replies) => new(TurnStatus.Cancelled, replies);

    /// <summary>Nothing to say (e.g. a group message that did not mention the bot).</summary>
    public static TurnResult Silent { get; } = new(TurnStatus.Complete, []);
}
