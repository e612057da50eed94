using System.Text.Json.Serialization;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// The payload of an outbox message about a message SesBot posted earlier through another outbox message (a support
/// thread's card): where it went is read from that message's result when this one is delivered, so it can be queued
/// before the first one is sent. Queued with the same ordering key, it is delivered after it.
/// </summary>
public sealed record TeamsFollowUpMessage
{
    public const string Kind = "msteams.follow-up";

    [JsonPropertyName("operation")]
    public required TeamsOutboundOperation Operation { get; init; }

    /// <summary>The idempotency key of the outbox message that posted the message followed up.</summary>
    [JsonPropertyName("targetKey")]
    public required string TargetKey { get; init; }

    [JsonPropertyName("activity")]
    public required Activity Activity { get; init; }
}
