using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams;

/// <summary>The body of an invoke response: written in the HTTP response of the invoke's POST, with HTTP 200.</summary>
public sealed record InvokeResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] object? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string SearchResponseType = "application/vnd.microsoft.search.searchResponse";

    public static InvokeResponse Card(object card) => new(200, CardType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, text);

    public static InvokeResponse Error(int status, string code, string message) => new(status, ErrorType, new { code, message });
}
