using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>The organization the credentials belong to; the management (payer) account is <see cref="MasterAccountId"/>.</summary>
public sealed record AwsOrganization
{
    [JsonPropertyName("Id")] public required string Id { get; init; }
    [JsonPropertyName("Arn")] public string? Arn { get; init; }
    [JsonPropertyName("FeatureSet")] public string? FeatureSet { get; init; }
    [JsonPropertyName("MasterAccountArn")] public string? MasterAccountArn { get; init; }
    [JsonPropertyName("MasterAccountId")] public string? MasterAccountId { get; init; }
    [JsonPropertyName("MasterAccountEmail")] public string? MasterAccountEmail { get; init; }
}
