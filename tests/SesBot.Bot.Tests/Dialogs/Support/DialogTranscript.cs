using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>
/// One person's conversation with SesBot: type text, click buttons of the cards SesBot sent, and check what came
/// back. A click takes the button's data from the newest card that has it, plus the card's inputs as shown, plus
/// what the person typed into them, as Teams sends an <c>Action.Execute</c>.
/// </summary>
public sealed class DialogTranscript
{
    private readonly List<Turn> _turns = [];

    public DialogTranscript(DialogHost host, Person person)
    {
        Host = host;
        Person = person;
    }

    public DialogHost Host { get; }

    public Person Person { get; }

    public IReadOnlyList<Turn> Turns => _turns;

    public Turn Last => _turns.Count > 0 ? _turns[^1] : throw new InvalidOperationException("Nothing was said yet.");

    /// <summary>Another person in the same bot and database, in their own chat.</summary>
    public DialogTranscript As(Person person) => new(Host, person);

    public Task<Turn> Send(string text) => HandleAsync(Input() with { Text = text }, text);

    /// <summary>
    /// Says something (mentioning SesBot) in a team channel, as a new post: the conversation is the post's thread, its
    /// address is stored as the channel.
    /// </summary>
    public Task<Turn> SendInChannel(string channelId, string text) => HandleAsync(
        Input() with
        {
            Scope = SesBot.Core.Conversations.ConversationScope.TeamChannel,
            ConversationKey = $"{channelId};messageid={Guid.NewGuid():N}",
            ConversationAddressKey = channelId,
            Text = text,
        },
        $"(in {channelId}) {text}");

    /// <summary>Clicks the button with this verb on the newest card that has one.</summary>
    public Task<Turn> Click(string verb, params (string Key, string Value)[] inputs)
    {
        var turn = _turns.LastOrDefault(t => t.FindAction(verb) is not null)
            ?? throw new Xunit.Sdk.XunitException($"No card so far has a button {verb}.");
        return ClickFrom(turn, verb, inputs);
    }

    /// <summary>Clicks a button on an older card (a stale click): the card as it was sent then.</summary>
    public Task<Turn> ClickFrom(Turn card, string verb, params (string Key, string Value)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(card);
        var reply = card.ReplyWith(verb) ?? throw new Xunit.Sdk.XunitException($"That card has no button {verb}:\n{card}");
        // Of several buttons with the verb (one per list row), the one whose own data is what the click names.
        var buttons = reply.AllActions.Where(a => a.Verb == verb).ToList();
        var action = buttons.LastOrDefault(a => a.Data is { } data
                && inputs.Any(i => data.ContainsKey(i.Key))
                && inputs.Where(i => data.ContainsKey(i.Key)).All(i => data[i.Key] == i.Value))
            ?? buttons[^1];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in action.Data ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        if (action.SubmitsInputs)
        {
            foreach (var block in reply.AllBlocks)
            {
                switch (block)
                {
                    case TextInputBlock text:
                        values[text.Id] = text.Value ?? string.Empty;
                        break;
                    case ChoiceInputBlock choice:
                        values[choice.Id] = choice.Value ?? string.Empty;
                        break;
                }
            }
        }

        foreach (var (key, value) in inputs)
        {
            values[key] = value;
        }

        var said = $"[{action.Title}] {verb}" + (inputs.Length == 0 ? string.Empty : " " + string.Join(", ", inputs.Select(i => $"{i.Key}={i.Value}")));
        // The card's message id, as Teams sends it with a click (replyToId): the card the click came from.
        return HandleAsync(Input() with { Verb = verb, Values = values, ReplyToKey = CardKey(card) }, said);
    }

    /// <summary>
    /// A click on a card SesBot sent outside this transcript (posted or updated by the dispatcher): the button's data and
    /// inputs as read from that card, and the card's message id as Teams names it in <c>replyToId</c>.
    /// </summary>
    public Task<Turn> Submit(string verb, IReadOnlyDictionary<string, string> values, string? cardKey) =>
        HandleAsync(Input() with { Verb = verb, Values = values, ReplyToKey = cardKey }, $"[{verb}] {string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))}");

    /// <summary>A card action made up by hand (a tampered or replayed payload), not taken from any card.</summary>
    public Task<Turn> Forge(string verb, params (string Key, string Value)[] values) =>
        HandleAsync(Input() with { Verb = verb, Values = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) }, $"(forged) {verb}");

    /// <summary>The message id this transcript gives the card of a turn (as Teams' <c>replyToId</c> names the clicked card).</summary>
    public string CardKey(Turn card)
    {
        lock (_turns)
        {
            return $"card-{Person.Name.Split(' ')[0].ToLowerInvariant()}-{_turns.IndexOf(card)}";
        }
    }

    public Task RestartAsync() => Host.RestartAsync();

    public void Advance(TimeSpan time) => Host.Clock.Advance(time);

    /// <summary>The channel's typeahead for a choice input bound to a dataset.</summary>
    public async Task<IReadOnlyList<ReplyChoice>> SearchAsync(string dataset, string? text, int skip = 0, int take = 25) =>
        await Host.InScopeAsync(sp => sp.GetRequiredService<ITurnHandler>().SearchAsync(Input(), dataset, text, skip, take, CancellationToken.None));

    /// <summary>A turn input from this person in their chat, with nothing said or clicked yet.</summary>
    public TurnInput Input() => new()
    {
        Channel = "msteams",
        ConversationKey = Person.ConversationKey,
        TenantKey = Person.TenantKey,
        UserKey = Person.UserKey,
        UserName = Person.Name,
        ChannelUserId = "29:" + Person.UserKey,
        Locale = Person.Locale,
    };

    /// <summary>SesBot installed in the person's chat: a welcome turn, which carries no locale (an install event has none).</summary>
    public Task<Turn> InstallAsync() => RunAsync(TurnKind.Welcome, Input() with { Locale = null }, "(installs SesBot)");

    private Task<Turn> HandleAsync(TurnInput input, string said) => RunAsync(TurnKind.Dialog, input, said);

    private async Task<Turn> RunAsync(TurnKind kind, TurnInput input, string said)
    {
        // Each turn through the pipeline, like a request: one commit, retried when it loses a race.
        var response = await Host.Services.GetRequiredService<TurnPipeline>().RunAsync(
            new TurnRequest { Channel = input.Channel, ConversationKey = input.ConversationKey, Kind = kind, Input = input, Route = NoRoute.Instance },
            CancellationToken.None);
        var turn = new Turn($"{Person.Name}: {said}", response.Result ?? TurnResult.Silent);
        lock (_turns)
        {
            _turns.Add(turn);
        }

        return turn;
    }
}
