namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A part of a reply. The closed set of kinds below is what every channel renders.</summary>
public abstract record ReplyBlock;

/// <summary>A title line.</summary>
public sealed record HeadingBlock(string Text) : ReplyBlock;

/// <summary>A paragraph; the tone colours it (a warning stands out).</summary>
public sealed record ParagraphBlock(string Text, Tone Tone = Tone.Normal) : ReplyBlock;

/// <summary>Label/value pairs.</summary>
public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : ReplyBlock;

/// <summary>A pick-one input. With a search dataset the channel offers server-side typeahead.</summary>
public sealed record ChoiceInputBlock(string Id, string Label, IReadOnlyList<Choice> Choices) : ReplyBlock
{
    public string? Value { get; init; }

    public bool IsRequired { get; init; } = true;

    public string? Error { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>When set, the choices are a first page and the channel may search the rest by this dataset name.</summary>
    public string? SearchDataset { get; init; }
}

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

/// <summary>Buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<ReplyAction> Actions) : ReplyBlock;
