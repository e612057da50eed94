using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>refresh</c>: Teams runs <see cref="Action"/> when the card is shown to one of <see cref="UserIds"/> (at most 60
/// user MRIs; empty = refresh only on demand; absent = everyone in chats of up to 60 members), so each user can get
/// their own view of the card.
/// </summary>
public sealed record CardRefresh
{
    public const int MaxUserIds = 60;

    [JsonPropertyName("action")]
    [JsonConverter(typeof(SerializeAsBaseConverter<CardAction, ExecuteAction>))]
    public required ExecuteAction Action { get; init; }

    [JsonPropertyName("userIds")]
    public IReadOnlyList<string>? UserIds { get; init; }
}
