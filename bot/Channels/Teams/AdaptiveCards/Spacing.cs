using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Space between an element and the one before it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
public enum Spacing
{
    [JsonStringEnumMemberName("None")]
    None,

    [JsonStringEnumMemberName("Small")]
    Small,

    [JsonStringEnumMemberName("Default")]
    Default,

    [JsonStringEnumMemberName("Medium")]
    Medium,

    [JsonStringEnumMemberName("Large")]
    Large,

    [JsonStringEnumMemberName("ExtraLarge")]
    ExtraLarge,

    [JsonStringEnumMemberName("Padding")]
    Padding,
}
