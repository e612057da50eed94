using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>The <c>attributes</c> every Partner Center resource carries: its object type and, for some, an ETag.</summary>
public sealed record PartnerCenterResourceAttributes
{
    [JsonPropertyName("etag")]
    public string? Etag { get; init; }

    [JsonPropertyName("objectType")]
    public string? ObjectType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
