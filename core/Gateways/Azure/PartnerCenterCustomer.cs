using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>A customer of the partner, as listed by Partner Center (its id is the customer's Entra tenant id).</summary>
public sealed record PartnerCenterCustomer
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("companyProfile")]
    public PartnerCenterCompanyProfile? CompanyProfile { get; init; }

    /// <summary>e.g. <c>Reseller</c>.</summary>
    [JsonPropertyName("relationshipToPartner")]
    public string? RelationshipToPartner { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
