using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// A billing responsibility transfer (AWS Billing Transfer): <see cref="Status"/> is one of
/// <c>REQUESTED|ACCEPTED|DECLINED|CANCELED|EXPIRED|WITHDRAWN</c>.
/// </summary>
public sealed record AwsResponsibilityTransfer
{
    [JsonPropertyName("Id")] public required string Id { get; init; }
    [JsonPropertyName("Arn")] public string? Arn { get; init; }
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("Type")] public string? Type { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
    [JsonPropertyName("Source")] public AwsTransferParticipant? Source { get; init; }
    [JsonPropertyName("Target")] public AwsTransferParticipant? Target { get; init; }
    [JsonPropertyName("StartTimestamp")] public DateTimeOffset? StartTimestamp { get; init; }
    [JsonPropertyName("EndTimestamp")] public DateTimeOffset? EndTimestamp { get; init; }
    [JsonPropertyName("ActiveHandshakeId")] public string? ActiveHandshakeId { get; init; }
}
