using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>A customer's company profile in Partner Center.</summary>
public sealed record PartnerCenterCompanyProfile
{
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    [JsonPropertyName("companyName")]
    public string? CompanyName { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
