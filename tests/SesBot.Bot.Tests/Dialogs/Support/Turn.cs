using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>
/// What SesBot answered to one input, with assertions that read like a transcript. Each assertion returns the turn,
/// so they chain; the failure message shows the whole answer.
/// </summary>
public sealed class Turn(string said, TurnResult result)
{
    public string Said { get; } = said;

    public TurnResult Result { get; } = result;

    public IReadOnlyList<Reply> Replies => Result.Replies;

    /// <summary>Every block, the blocks inside sections included.</summary>
    public IEnumerable<ReplyBlock> Blocks => Replies.SelectMany(r => r.AllBlocks);

    /// <summary>Every button: action rows and the buttons of list rows.</summary>
    public IEnumerable<ReplyAction> Actions => Replies.SelectMany(r => r.AllActions);

    /// <summary>Everything a person reads: headings, paragraphs, facts, input labels and errors.</summary>
    public IEnumerable<string> Lines => Blocks.SelectMany(b => b switch
    {
        HeadingBlock h => [h.Text],
        ParagraphBlock p => [p.Text],
        FactsBlock f => f.Facts.Select(x => $"{x.Label}: {x.Value}"),
        SectionBlock s => [s.Heading],
        BadgesBlock badges => badges.Badges.Select(x => x.Text),
        ItemsBlock i => i.Items.SelectMany(x => new[] { x.Title, x.Detail }.OfType<string>().Concat(x.Badges.Select(y => y.Text)).Concat(x.Warnings)),
        TextInputBlock t => new[] { t.Label, t.Error }.OfType<string>(),
        ChoiceInputBlock c => new[] { c.Label, c.Error }.OfType<string>().Concat(c.Choices.Select(x => x.Title)),
        _ => [],
    });

    public Turn AssertStatus(TurnStatus status) => Check(Result.Status == status, $"the dialog status {status}, not {Result.Status}");

    public Turn AssertText(string text) => Check(Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"a text containing \"{text}\"");

    public Turn AssertNoText(string text) => Check(!Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"no text containing \"{text}\"");

    /// <summary>A paragraph with this text and tone (a warning that stands out, an attention note…).</summary>
    public Turn AssertParagraph(string text, Tone tone) =>
        Check(Blocks.OfType<ParagraphBlock>().Any(p => p.Tone == tone && p.Text.Contains(text, StringComparison.Ordinal)), $"a {tone} paragraph containing \"{text}\"");

    /// <summary>A badge (status, billing data, state, open request) with this text, on its own or in a list row.</summary>
    public Turn AssertBadge(string text) =>
        Check(Blocks.SelectMany(b => b switch
            {
                BadgesBlock badges => badges.Badges,
                ItemsBlock items => items.Items.SelectMany(i => i.Badges),
                _ => [],
            }).Any(b => b.Text.Contains(text, StringComparison.Ordinal)),
            $"a badge containing \"{text}\"");

    /// <summary>A warning shown inside a list row (an option's own warning).</summary>
    public Turn AssertRowWarning(string text) =>
        Check(Blocks.OfType<ItemsBlock>().SelectMany(b => b.Items).SelectMany(i => i.Warnings).Any(w => w.Contains(text, StringComparison.Ordinal)),
            $"a row warning containing \"{text}\"");

    /// <summary>A list row whose title contains the text, with its button of this verb.</summary>
    public Turn AssertRow(string titleContains, string verb) =>
        Check(Blocks.OfType<ItemsBlock>().SelectMany(b => b.Items).Any(i => i.Title.Contains(titleContains, StringComparison.Ordinal) && i.Action?.Verb == verb),
            $"a row \"{titleContains}\" with a button {verb}");

    public Turn AssertFact(string label, string valueContains) =>
        Check(Blocks.OfType<FactsBlock>().SelectMany(f => f.Facts).Any(f => f.Label == label && f.Value.Contains(valueContains, StringComparison.Ordinal)),
            $"a fact \"{label}\" with \"{valueContains}\"");

    public Turn AssertChoice(string title) => Check(Choices.Any(c => c.Title == title), $"a choice \"{title}\"");

    public Turn AssertNoChoice(string title) => Check(!Choices.Any(c => c.Title == title), $"no choice \"{title}\"");

    /// <summary>The value an input shows (what the person entered earlier, kept).</summary>
    public Turn AssertInputValue(string id, string? value)
    {
        var input = Input(id);
        var shown = input switch
        {
            TextInputBlock t => t.Value,
            ChoiceInputBlock c => c.Value,
            _ => null,
        };
        return Check(input is not null && shown == value, $"input \"{id}\" showing \"{value}\" (it shows \"{shown}\")");
    }

    /// <summary>An error under the input with this id, or (when no input has that id) an input error containing the text.</summary>
    public Turn AssertError(string inputIdOrText, string? contains = null)
    {
        if (Input(inputIdOrText) is { } input)
        {
            var error = input switch
            {
                TextInputBlock t => t.Error,
                ChoiceInputBlock c => c.Error,
                _ => null,
            };
            return Check(error is not null && (contains is null || error.Contains(contains, StringComparison.Ordinal)),
                $"an error under \"{inputIdOrText}\"{(contains is null ? string.Empty : $" containing \"{contains}\"")} (it shows \"{error}\")");
        }

        return Check(Errors.Any(e => e.Contains(inputIdOrText, StringComparison.Ordinal)), $"an input error containing \"{inputIdOrText}\"");
    }

    public Turn AssertNoErrors() => Check(!Errors.Any(), "no input errors");

    public Turn AssertAction(string verb, string? key = null, string? value = null) =>
        Check(Actions.Any(a => a.Verb == verb && (key is null || (a.Data is not null && a.Data.TryGetValue(key, out var v) && v == value))),
            $"a button {verb}{(key is null ? string.Empty : $" with {key}={value}")}");

    public Turn AssertNoAction(string verb, string? key = null, string? value = null) =>
        Check(!Actions.Any(a => a.Verb == verb && (key is null || (a.Data is not null && a.Data.TryGetValue(key, out var v) && v == value))),
            $"no button {verb}{(key is null ? string.Empty : $" with {key}={value}")}");

    public ReplyAction? FindAction(string verb) => Actions.LastOrDefault(a => a.Verb == verb);

    /// <summary>The card (reply) that holds the button, and its inputs.</summary>
    public Reply? ReplyWith(string verb) => Replies.LastOrDefault(r => r.AllActions.Any(a => a.Verb == verb));

    public string ActionValue(string verb, string key) =>
        FindAction(verb)?.Data?.GetValueOrDefault(key) ?? throw new Xunit.Sdk.XunitException($"No button {verb} with {key} in:\n{this}");

    public override string ToString() =>
        $"> {Said}\n< [{Result.Status}]\n" + string.Join("\n", Replies.Select((r, i) =>
            $"  reply {i + 1}:\n" + string.Join("\n", r.AllBlocks.Select(Describe))));

    private IEnumerable<ReplyChoice> Choices => Blocks.OfType<ChoiceInputBlock>().SelectMany(c => c.Choices);

    private IEnumerable<string> Errors => Blocks.Select(b => b switch
    {
        TextInputBlock t => t.Error,
        ChoiceInputBlock c => c.Error,
        _ => null,
    }).OfType<string>();

    private ReplyBlock? Input(string id) => Blocks.LastOrDefault(b => b is TextInputBlock t && t.Id == id || b is ChoiceInputBlock c && c.Id == id);

    private static string Button(ReplyAction x) =>
        $"({x.Title} → {x.Verb}{(x.Data is null ? string.Empty : " " + string.Join(",", x.Data.Select(d => $"{d.Key}={d.Value}")))})";

    private Turn Check(bool condition, string expected) =>
        condition ? this : throw new Xunit.Sdk.XunitException($"Expected {expected}. SesBot said:\n{this}");

    private static string Describe(ReplyBlock block) => block switch
    {
        HeadingBlock h => $"    # {h.Text}",
        ParagraphBlock p => $"    {(p.Tone == Tone.Normal ? string.Empty : $"({p.Tone}) ")}{p.Text}",
        FactsBlock f => string.Join("\n", f.Facts.Select(x => $"    - {x.Label}: {x.Value}")),
        TextInputBlock t => $"    [{t.Id}: {t.Label} = \"{t.Value}\"{(t.Error is null ? string.Empty : $" ! {t.Error}")}]",
        ChoiceInputBlock c => $"    [{c.Id}: {c.Label} = \"{c.Value}\" of {string.Join(" | ", c.Choices.Select(x => x.Title))}{(c.Error is null ? string.Empty : $" ! {c.Error}")}]",
        ActionsBlock a => "    " + string.Join("  ", a.Actions.Select(Button)),
        SectionBlock s => $"    ## {s.Heading}",
        BadgesBlock b => "    " + string.Join(" ", b.Badges.Select(x => $"[{x.Text}]")),
        ItemsBlock items => string.Join("\n", items.Items.Select(x =>
            $"    * {x.Title}{(x.Detail is null ? string.Empty : $" — {x.Detail}")} {string.Join(" ", x.Badges.Select(b => $"[{b.Text}]"))}" +
            string.Concat(x.Warnings.Select(w => $"\n      (Warning) {w}")) +
            (x.Action is null ? string.Empty : "  " + Button(x.Action)))),
        _ => "    " + block,
    };
}
