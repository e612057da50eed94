using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>Partner Center's error answer: <c>code</c>, <c>description</c>, <c>data</c>, <c>source</c>.</summary>
internal sealed record PartnerCenterErrorBody
{
    /// <summary>Documented as a string; numbers are seen in practice, so either is accepted.</summary>
    [JsonPropertyName("code")]
    public JsonElement Code { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    public string? CodeText => Code.ValueKind switch
    {
        JsonValueKind.String => Code.GetString(),
        JsonValueKind.Number => Code.GetRawText(),
        _ => null,
    };
}
