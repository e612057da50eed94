using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>A service for which an account is a delegated administrator (such an account cannot be removed).</summary>
public sealed record AwsDelegatedService
{
    [JsonPropertyName("ServicePrincipal")] public required string ServicePrincipal { get; init; }
    [JsonPropertyName("DelegationEnabledDate")] public DateTimeOffset? DelegationEnabledDate { get; init; }
}
