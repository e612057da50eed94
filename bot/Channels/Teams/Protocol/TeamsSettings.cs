using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>channelData.settings: the channel selected when the bot was added to a team.</summary>
public sealed record TeamsSettings
{
    [JsonPropertyName("selectedChannel")]
    public TeamsInfo? SelectedChannel { get; init; }
}
