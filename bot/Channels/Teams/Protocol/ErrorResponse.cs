using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>
/// A Connector error body. The documented shape is <c>{"error":{"code","message"}}</c>; Teams also answers
/// <c>{"errorCode":209,"message":"{ \"subCode\": \"MessageWritesBlocked\", … }"}</c> for a blocked bot, so both are read.
/// </summary>
public sealed record ErrorResponse
{
    [JsonPropertyName("error")]
    public ErrorDetail? Error { get; init; }

    /// <summary>Teams' numeric error code (209: message writes blocked).</summary>
    [JsonPropertyName("errorCode")]
    public JsonElement? ErrorCode { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
