using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>A page of Partner Center resources: <c>totalCount</c>, <c>items</c>, and <c>links</c> to further pages.</summary>
public sealed record PartnerCenterCollection<T>
{
    [JsonPropertyName("totalCount")]
    public int TotalCount { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<T> Items { get; init; } = [];

    [JsonPropertyName("attributes")]
    public PartnerCenterResourceAttributes? Attributes { get; init; }

    /// <summary><c>links</c> (e.g. <c>next</c> with a continuation token) and any other field, as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
