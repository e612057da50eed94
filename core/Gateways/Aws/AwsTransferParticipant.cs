using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>One side of a responsibility transfer: an organization's management account.</summary>
public sealed record AwsTransferParticipant
{
    [JsonPropertyName("ManagementAccountId")] public string? ManagementAccountId { get; init; }
    [JsonPropertyName("ManagementAccountEmail")] public string? ManagementAccountEmail { get; init; }
}
