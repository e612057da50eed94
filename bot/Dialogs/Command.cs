namespace SesBot.Bot.Dialogs;

/// <summary>A recognised command, with its argument (a request id for "status").</summary>
public sealed record Command(CommandKind Kind, string? Argument = null)
{
    public static Command None { get; } = new(CommandKind.None);
}
