using SesBot.Core.Conversations;

namespace SesBot.Bot.Dialogs.Turns;

/// <summary>
/// One thing a person did, as any channel delivers it: typed text, or a card action with its verb and values.
/// Channels map their wire payloads into this; dialogs see nothing else.
/// </summary>
public sealed record TurnInput
{
    /// <summary>The channel's name, e.g. <c>msteams</c> or <c>slack</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The conversation (chat, channel thread, DM) the person is in.</summary>
    public required string ConversationKey { get; init; }

    public ConversationScope Scope { get; init; } = ConversationScope.Personal;

    /// <summary>
    /// The key the conversation's address is stored by, when it differs from <see cref="ConversationKey"/> (a Teams
    /// channel thread is stored as its channel).
    /// </summary>
    public string? ConversationAddressKey { get; init; }

    /// <summary>The key the conversation's address is stored by (see <see cref="ConversationAddressKey"/>).</summary>
    public string AddressKey => ConversationAddressKey ?? ConversationKey;

    /// <summary>The tenant (Teams) or workspace (Slack).</summary>
    public required string TenantKey { get; init; }

    /// <summary>The person's stable id in the channel (Teams: AAD object id; Slack: user id).</summary>
    public required string UserKey { get; init; }

    /// <summary>The id the channel addresses the person by (Teams: <c>29:…</c>).</summary>
    public string? ChannelUserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The person's email, when the channel told us (used to link a person SES pre-registered by email).</summary>
    public string? Email { get; init; }

    /// <summary>Typed text, with any @mention of the bot removed.</summary>
    public string? Text { get; init; }

    /// <summary>The action's verb (see <c>ActionIds</c>) when a card button was used.</summary>
    public string? Verb { get; init; }

    /// <summary>A card action's data merged with the card's input values, as strings.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    public string? Locale { get; init; }

    /// <summary>The message a card action came from (Teams: <c>replyToId</c>), when the channel says; that card can be updated in place later.</summary>
    public string? ReplyToKey { get; init; }

    public bool IsAction => Verb is not null;

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}
