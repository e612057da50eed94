using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Emphasis of an action's button (Teams renders positive and destructive as default).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("positive")]
    Positive,

    [JsonStringEnumMemberName("destructive")]
    Destructive,
}
