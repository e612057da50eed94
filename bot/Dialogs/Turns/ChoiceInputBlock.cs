namespace SesBot.Bot.Dialogs.Turns;

/// <summary>A pick-one input. With a search dataset the channel offers server-side typeahead.</summary>
public sealed record ChoiceInputBlock(string Id, string Label, IReadOnlyList<ReplyChoice> Choices) : ReplyBlock
{
    public string? Value { get; init; }

    public bool IsRequired { get; init; } = true;

    public string? Error { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>Whether the person can type to filter the choices (typeahead over the choices in the card).</summary>
    public bool IsSearchable { get; init; }

    /// <summary>When set, the choices are a first page and the channel may search the rest by this dataset name.</summary>
    public string? SearchDataset { get; init; }
}
