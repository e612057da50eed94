namespace SesBot.Bot.Dialogs.Turns;

/// <summary>
/// One message for the person, channel-neutral: a list of blocks that Teams renders as an Adaptive Card and Slack as
/// Block Kit. A reply of one plain paragraph is sent as plain text.
/// </summary>
public sealed record Reply(IReadOnlyList<ReplyBlock> Blocks)
{
    /// <summary>A short text for notifications and clients that show no cards.</summary>
    public string? Summary { get; init; }

    /// <summary>An action the channel may run by itself to bring the message up to date (a status card).</summary>
    public ReplyAction? Refresh { get; init; }

    public bool IsPlainText => Refresh is null && Blocks is [ParagraphBlock { Tone: Tone.Normal }];

    /// <summary>Every block, with the blocks inside sections in their place (for reading inputs and texts).</summary>
    public IEnumerable<ReplyBlock> AllBlocks => Flatten(Blocks);

    /// <summary>Every button: those of action rows and those of list rows, in card order.</summary>
    public IEnumerable<ReplyAction> AllActions => AllBlocks.SelectMany(b => b switch
    {
        ActionsBlock actions => actions.Actions,
        ItemsBlock items => items.Items.Select(i => i.Action).OfType<ReplyAction>(),
        _ => [],
    });

    public static Reply Text(string text) => new([new ParagraphBlock(text)]) { Summary = text };

    public static Reply Card(string summary, params ReplyBlock[] blocks) => new(blocks) { Summary = summary };

    private static IEnumerable<ReplyBlock> Flatten(IEnumerable<ReplyBlock> blocks) =>
        blocks.SelectMany(b => b is SectionBlock section ? [b, .. Flatten(section.Blocks)] : new[] { b });
}
