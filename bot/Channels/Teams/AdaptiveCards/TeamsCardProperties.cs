using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>The Teams-only <c>msteams</c> object of a card.</summary>
public sealed record TeamsCardProperties
{
    /// <summary><c>{"width":"Full"}</c>: the card uses the whole width of the chat.</summary>
    public static TeamsCardProperties FullWidth { get; } = new() { Width = "Full" };

    [JsonPropertyName("width")]
    public string? Width { get; init; }
}
