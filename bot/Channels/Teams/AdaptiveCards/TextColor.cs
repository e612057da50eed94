using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Colour of a TextBlock or TextRun, from the host's palette.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextColor>))]
public enum TextColor
{
    [JsonStringEnumMemberName("Default")]
    Default,

    [JsonStringEnumMemberName("Dark")]
    Dark,

    [JsonStringEnumMemberName("Light")]
    Light,

    [JsonStringEnumMemberName("Accent")]
    Accent,

    [JsonStringEnumMemberName("Good")]
    Good,

    [JsonStringEnumMemberName("Warning")]
    Warning,

    [JsonStringEnumMemberName("Attention")]
    Attention,
}
