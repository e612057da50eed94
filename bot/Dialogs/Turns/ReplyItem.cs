namespace SesBot.Bot.Dialogs.Turns;

/// <summary>
/// One row of an <see cref="ItemsBlock"/>: a title, a detail line, badges, warnings to read before choosing it, and
/// the row's own button.
/// </summary>
public sealed record ReplyItem(string Title)
{
    public string? Detail { get; init; }

    public IReadOnlyList<ReplyBadge> Badges { get; init; } = [];

    /// <summary>Shown in the row as visibly as any other warning of the card.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public ReplyAction? Action { get; init; }
}
