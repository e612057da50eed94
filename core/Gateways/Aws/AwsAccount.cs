using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// An account as Organizations describes it. <see cref="State"/> is the account's state
/// (<c>PENDING_ACTIVATION|ACTIVE|SUSPENDED|PENDING_CLOSURE|CLOSED</c>); the retired <c>Status</c> member is ignored.
/// </summary>
public sealed record AwsAccount
{
    [JsonPropertyName("Id")] public required string Id { get; init; }
    [JsonPropertyName("Arn")] public string? Arn { get; init; }
    [JsonPropertyName("Email")] public string? Email { get; init; }
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("State")] public string? State { get; init; }

    /// <summary><c>INVITED</c> or <c>CREATED</c>; a created account must wait before it can leave.</summary>
    [JsonPropertyName("JoinedMethod")] public string? JoinedMethod { get; init; }
    [JsonPropertyName("JoinedTimestamp")] public DateTimeOffset? JoinedTimestamp { get; init; }
}
