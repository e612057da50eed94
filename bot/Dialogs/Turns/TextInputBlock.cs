namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A text input, with the value the person already entered and the error to show under it.</summary>
public sealed record TextInputBlock(string Id, string Label) : ReplyBlock
{
    public string? Value { get; init; }

    public bool IsRequired { get; init; } = true;

    public string? Error { get; init; }

    public string? Placeholder { get; init; }

    public TextInputKind Kind { get; init; } = TextInputKind.Text;

    public int? MaxLength { get; init; }
}
