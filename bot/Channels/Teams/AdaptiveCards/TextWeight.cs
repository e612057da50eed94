using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Font weight of a TextBlock or TextRun.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
public enum TextWeight
{
    [JsonStringEnumMemberName("Default")]
    Default,

    [JsonStringEnumMemberName("Lighter")]
    Lighter,

    [JsonStringEnumMemberName("Bolder")]
    Bolder,
}
