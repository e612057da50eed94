using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Font size of a TextBlock or TextRun.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextSize>))]
public enum TextSize
{
    [JsonStringEnumMemberName("Default")]
    Default,

    [JsonStringEnumMemberName("Small")]
    Small,

    [JsonStringEnumMemberName("Medium")]
    Medium,

    [JsonStringEnumMemberName("Large")]
    Large,

    [JsonStringEnumMemberName("ExtraLarge")]
    ExtraLarge,
}
