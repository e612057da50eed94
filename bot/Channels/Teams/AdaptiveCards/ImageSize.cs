using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>Size of an Image.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageSize>))]
public enum ImageSize
{
    [JsonStringEnumMemberName("Auto")]
    Auto,

    [JsonStringEnumMemberName("Stretch")]
    Stretch,

    [JsonStringEnumMemberName("Small")]
    Small,

    [JsonStringEnumMemberName("Medium")]
    Medium,

    [JsonStringEnumMemberName("Large")]
    Large,
}
