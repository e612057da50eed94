using System.Text.Json.Serialization;
using SesBot.Core.Audit;

namespace SesBot.Bot.Audit;

/// <summary>What a download link carries, signed and encrypted by Data Protection: who asked, for what, until when.</summary>
internal sealed record AuditExportTicket(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("actor")] string ActorId,
    [property: JsonPropertyName("reseller")] string? ResellerId,
    [property: JsonPropertyName("from")] DateTimeOffset? From,
    [property: JsonPropertyName("to")] DateTimeOffset? To,
    [property: JsonPropertyName("account")] string? AccountId,
    [property: JsonPropertyName("issued")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("expires")] DateTimeOffset ExpiresAt)
{
    public const int CurrentVersion = 1;

    public AuditFilter Filter => new(ResellerId, From, To, AccountId);
}
